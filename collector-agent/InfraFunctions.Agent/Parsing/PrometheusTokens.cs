using System.Buffers.Text;
using System.Text;

namespace InfraFunctions.Agent.Parsing;

/// <summary>The tokens of the Prometheus text format: names, blanks and float values.</summary>
internal static class PrometheusTokens
{
    /// <summary>A float as Go's ParseFloat reads it: decimal or exponent notation, <c>NaN</c>, <c>+Inf</c>, <c>-Inf</c> in any case.</summary>
    public static bool TryParseValue(ReadOnlySpan<byte> token, out double value)
    {
        var unsigned = token.Length > 0 && token[0] is (byte)'+' or (byte)'-' ? token[1..] : token;
        var negative = token.Length > 0 && token[0] == '-';
        if (IsWord(unsigned, "inf"u8) || IsWord(unsigned, "infinity"u8))
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }

        if (IsWord(token, "nan"u8))
        {
            value = double.NaN;
            return true;
        }

        return Utf8Parser.TryParse(token, out value, out var used) && used == token.Length && token.Length > 0;
    }

    /// <summary>Whether <paramref name="token"/> is the lower-case ASCII <paramref name="word"/> in any case.</summary>
    private static bool IsWord(ReadOnlySpan<byte> token, ReadOnlySpan<byte> word)
    {
        if (token.Length != word.Length)
        {
            return false;
        }

        for (var i = 0; i < token.Length; i++)
        {
            if ((token[i] | 0x20) != word[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Length of the name at the start: <c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>, or without colons for label names.</summary>
    public static int NameLength(ReadOnlySpan<byte> text, bool colon)
    {
        var i = 0;
        while (i < text.Length && (char.IsAsciiLetter((char)text[i]) || text[i] == '_' || (colon && text[i] == ':') || (i > 0 && char.IsAsciiDigit((char)text[i]))))
        {
            i++;
        }

        return i;
    }

    public static int SkipBlanks(ReadOnlySpan<byte> text, int i)
    {
        while (i < text.Length && IsBlank(text[i]))
        {
            i++;
        }

        return i;
    }

    public static bool IsBlank(byte b) => b is (byte)' ' or (byte)'\t';

    public static int BlankAt(ReadOnlySpan<byte> text, int i)
    {
        while (i < text.Length && !IsBlank(text[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>A bounded, printable excerpt for error messages.</summary>
    public static string Shown(ReadOnlySpan<byte> text)
    {
        var excerpt = Encoding.UTF8.GetString(text[..Math.Min(text.Length, 40)]);
        return text.Length > 40 ? excerpt + "..." : excerpt;
    }
}
