using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using InfraFunctions.Agent.Delivery;

namespace InfraFunctions.Agent.Enrollment;

/// <summary>
/// Trades an enrollment token for an agent key: <c>POST {endpoint}/api/v1/enroll</c> with the token as bearer and
/// <c>{"host_id": ...}</c>, answered 201 with <c>{"agent_id", "key", "host_id"}</c>.
/// </summary>
internal sealed class EnrollmentClient(HttpClient http, Uri endpoint, TimeProvider time)
{
    private readonly Uri enrollUri = new(endpoint.AbsoluteUri.TrimEnd('/') + "/api/v1/enroll");

    public async Task<EnrollmentResult> EnrollAsync(string token, string hostId, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, enrollUri) { Content = new ByteArrayContent(Body(hostId)) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return Issued(response.StatusCode, body);
            }

            return new EnrollmentResult(response.StatusCode, null, null, ProblemText.Describe(response.StatusCode, body), RetryAfterHeader.Of(response, time));
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new EnrollmentResult(null, null, null, e.Message, null);
        }
    }

    private static byte[] Body(string hostId)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("host_id", hostId);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static EnrollmentResult Issued(HttpStatusCode status, byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("key", out var key) && key.ValueKind == JsonValueKind.String
                && key.GetString() is { Length: > 0 } text && !text.Any(char.IsWhiteSpace))
            {
                var agentId = root.TryGetProperty("agent_id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
                return new EnrollmentResult(status, text, agentId, null, null);
            }
        }
        catch (JsonException)
        {
        }

        // A success without a key is not something waiting fixes: the endpoint is not this API.
        return new EnrollmentResult(status, null, null, $"{(int)status} {status}: the answer holds no agent key; check that 'endpoint' is the function app's URL", null);
    }
}
