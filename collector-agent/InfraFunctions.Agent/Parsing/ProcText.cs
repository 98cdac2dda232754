using System.Buffers.Text;
using System.Text;

namespace InfraFunctions.Agent.Parsing;

/// <summary>Allocation-free tokenizing of the kernel's whitespace-separated text files.</summary>
internal static class ProcText
{
    public static bool NextLine(ref ReadOnlySpan<byte> text, out ReadOnlySpan<byte> line)
    {
        if (text.IsEmpty)
        {
            line = default;
            return false;
        }

        var end = text.IndexOf((byte)'\n');
        if (end < 0)
        {
            line = text;
            text = default;
        }
        else
        {
            line = text[..end];
            text = text[(end + 1)..];
        }

        return true;
    }

    public static bool NextToken(ref ReadOnlySpan<byte> line, out ReadOnlySpan<byte> token)
    {
        var start = 0;
        while (start < line.Length && IsBlank(line[start]))
        {
            start++;
        }

        if (start == line.Length)
        {
            token = default;
            line = default;
            return false;
        }

        var end = start;
        while (end < line.Length && !IsBlank(line[end]))
        {
            end++;
        }

        token = line[start..end];
        line = line[end..];
        return true;
    }

    public static ulong NextULong(ref ReadOnlySpan<byte> line) =>
        NextToken(ref line, out var token) ? ParseULong(token) : 0;

    public static ulong ParseULong(ReadOnlySpan<byte> token) =>
        Utf8Parser.TryParse(token, out ulong value, out _) ? value : 0;

    public static long ParseLong(ReadOnlySpan<byte> token) =>
        Utf8Parser.TryParse(token, out long value, out _) ? value : 0;

    public static double ParseDouble(ReadOnlySpan<byte> token) =>
        Utf8Parser.TryParse(token, out double value, out _) ? value : 0;

    public static string ToText(ReadOnlySpan<byte> token) => Encoding.UTF8.GetString(token);

    /// <summary>Undoes the octal escapes (<c>\040</c> for a space) that /proc/mounts uses in paths.</summary>
    public static string Unescape(ReadOnlySpan<byte> token)
    {
        if (token.IndexOf((byte)'\\') < 0)
        {
            return ToText(token);
        }

        var bytes = new byte[token.Length];
        var n = 0;
        for (var i = 0; i < token.Length; i++)
        {
            if (token[i] == '\\' && i + 3 < token.Length && IsOctal(token[i + 1]) && IsOctal(token[i + 2]) && IsOctal(token[i + 3]))
            {
                bytes[n++] = (byte)(((token[i + 1] - '0') << 6) | ((token[i + 2] - '0') << 3) | (token[i + 3] - '0'));
                i += 3;
            }
            else
            {
                bytes[n++] = token[i];
            }
        }

        return Encoding.UTF8.GetString(bytes, 0, n);
    }

    private static bool IsBlank(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r';

    private static bool IsOctal(byte b) => b is >= (byte)'0' and <= (byte)'7';
}
