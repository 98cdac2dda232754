using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace InfraFunctions.Agent.Delivery;

/// <summary>A refusal as a person should read it: the problem+json <c>title</c> and <c>detail</c>, else the start of the body.</summary>
internal static class ProblemText
{
    public static string Describe(HttpStatusCode status, ReadOnlySpan<byte> body)
    {
        var code = ((int)status).ToString(CultureInfo.InvariantCulture);
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                var title = Text(document.RootElement, "title");
                var detail = Text(document.RootElement, "detail");
                if (title is not null || detail is not null)
                {
                    return $"{code} {title ?? status.ToString()}: {detail ?? "(no detail)"}";
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: a proxy's or a gateway's page.
        }

        var text = Encoding.UTF8.GetString(body[..Math.Min(body.Length, 300)]).Trim();
        return text.Length == 0 ? $"{code} {status}" : $"{code} {status}: {text}";
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
