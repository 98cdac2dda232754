using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using InfraFunctions.Contracts;

namespace InfraFunctions.Agent.Delivery;

/// <summary>Posts gzip JSON batches to <c>POST {endpoint}/api/v1/ingest/samples</c> with the agent key.</summary>
internal sealed class IngestClient(HttpClient http, Uri endpoint, TimeProvider time)
{
    private readonly Uri ingestUri = new(endpoint.AbsoluteUri.TrimEnd('/') + "/api/v1/ingest/samples");

    /// <param name="key">The agent key sent with every request; none for enrollment, which sends its token per request.</param>
    public static HttpClient CreateHttpClient(string? key)
    {
        var handler = new SocketsHttpHandler
        {
            // One connection reused between posts, recycled now and then to follow DNS changes.
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(15),
            AutomaticDecompression = DecompressionMethods.None,
        };
        var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("infra-agent", Collectors.PlatformCollector.AgentVersion));
        return client;
    }

    public async Task<IngestResponse> PostAsync(byte[] gzipBody, CancellationToken cancellationToken = default)
    {
        using var content = new ByteArrayContent(gzipBody);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        content.Headers.ContentEncoding.Add("gzip");
        try
        {
            using var response = await http.PostAsync(ingestUri, content, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return new IngestResponse(response.StatusCode, TryParseReply(response, body), RetryAfterHeader.Of(response, time), Describe(response, body));
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new IngestResponse(null, null, null, e.Message);
        }
    }

    private static IngestReply? TryParseReply(HttpResponseMessage response, byte[] body)
    {
        if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.BadRequest) || body.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, ContractsJsonContext.Default.IngestReply);
        }
        catch (JsonException)
        {
            return null; // a problem+json about the batch as a whole, not a per-sample reply
        }
    }

    private static string? Describe(HttpResponseMessage response, byte[] body) =>
        response.IsSuccessStatusCode ? null : ProblemText.Describe(response.StatusCode, body);
}
