using System.Net.Http.Headers;

namespace InfraFunctions.Core.Webhooks;

/// <summary>
/// One HTTP request to a channel's receiver, built once and sent as often as it is retried. Its URL and headers can
/// hold secrets: <see cref="ToString"/> names only the method and host.
/// </summary>
public sealed record OutgoingRequest(HttpMethod Method, Uri Url, byte[] Body, string MediaType, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(Method, Url) { Content = new ByteArrayContent(Body) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue(MediaType) { CharSet = "utf-8" };
        foreach (var (name, value) in Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return message;
    }

    public override string ToString() => $"{Method} {Url.Host}";
}
