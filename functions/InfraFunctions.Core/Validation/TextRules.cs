using System.Text;

namespace InfraFunctions.Core.Validation;

/// <summary>
/// Bounds for stored strings: a length in UTF-8 bytes (what the agent reads from the host and what the wire carries),
/// and well-formed UTF-16, since a broken surrogate pair has no UTF-8 form and would not read back as posted.
/// </summary>
public static class TextRules
{
    /// <summary>The problem with <paramref name="value"/>, phrased to follow a field name, or null when it is fine.</summary>
    public static string? Check(string value, int maxBytes)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return $"contains a broken surrogate pair at position {i}; send well-formed Unicode.";
            }
        }

        var bytes = Encoding.UTF8.GetByteCount(value);
        return bytes > maxBytes ? $"is {bytes} bytes long in UTF-8; the limit is {maxBytes} bytes." : null;
    }
}
