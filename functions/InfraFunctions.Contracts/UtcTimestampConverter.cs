using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace InfraFunctions.Contracts;

/// <summary>
/// Writes every timestamp as UTC ISO-8601 with a <c>Z</c> suffix; reads ISO-8601 date-times that say their zone
/// (<c>Z</c> or an offset such as <c>+02:00</c>). A date alone, or a time without a zone, is refused: it would be
/// read in the server's own time zone, which is a guess.
/// </summary>
public sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    private const string Expected = "Expected an ISO-8601 timestamp with Z or an offset, such as \"2026-11-27T10:30:00Z\".";

    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTimeOffset(out var value) || !HasZone(ref reader))
        {
            throw new JsonException(Expected);
        }

        return value.ToUniversalTime();
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));

    // The reader has already checked the ISO-8601 form, so a zone is a Z, or a + or - after the time's 'T'.
    private static bool HasZone(ref Utf8JsonReader reader)
    {
        Span<char> buffer = stackalloc char[64];
        var length = reader.CopyString(buffer);
        var text = buffer[..length];
        var time = text.IndexOfAny('T', 't');
        if (time < 0)
        {
            return false;
        }

        var rest = text[(time + 1)..];
        return rest.EndsWith('Z') || rest.EndsWith('z') || rest.IndexOfAny('+', '-') >= 0;
    }
}
