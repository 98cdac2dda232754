using Azure.Core;
using Azure.Core.Pipeline;

namespace InfraFunctions.Core.Monitor;

/// <summary>Builds an Azure.Core pipeline that sends a bearer token for <paramref name="scope"/> on every request.</summary>
public static class MonitorPipeline
{
    public static HttpPipeline Create(TokenCredential credential, string scope, MonitorClientOptions? options = null) =>
        HttpPipelineBuilder.Build(options ?? new MonitorClientOptions(), new BearerTokenAuthenticationPolicy(credential, scope));

    /// <summary>Sends the request and returns its JSON body, or throws the service's error when it does not answer 200.</summary>
    internal static async Task<System.Text.Json.JsonDocument> SendForJsonAsync(HttpPipeline pipeline, HttpMessage message, string service, CancellationToken cancellationToken)
    {
        await pipeline.SendAsync(message, cancellationToken);
        var response = message.Response;
        if (response.Status != 200)
        {
            throw await FailureAsync(service, response, cancellationToken);
        }

        return await System.Text.Json.JsonDocument.ParseAsync(response.ContentStream!, cancellationToken: cancellationToken);
    }

    internal static async Task<MonitorServiceException> FailureAsync(string service, Response response, CancellationToken cancellationToken)
    {
        string? code = null;
        var message = response.ReasonPhrase;
        try
        {
            if (response.ContentStream is { } body && response.Headers.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
            {
                using var doc = await System.Text.Json.JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
                if (doc.RootElement.TryGetProperty("error", out var error))
                {
                    code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
                    message = error.TryGetProperty("message", out var m) ? m.GetString() ?? message : message;
                }
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // not the documented error shape: keep the reason phrase
        }

        TimeSpan? retryAfter = response.Headers.TryGetValue("Retry-After", out var value) && int.TryParse(value, out var seconds) ? TimeSpan.FromSeconds(seconds) : null;
        return new MonitorServiceException(service, (System.Net.HttpStatusCode)response.Status, code, message, retryAfter);
    }
}
