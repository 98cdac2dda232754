using System.Buffers.Text;
using System.Text;
using System.Text.Unicode;
using static InfraFunctions.Agent.Parsing.PrometheusTokens;

namespace InfraFunctions.Agent.Parsing;

/// <summary>
/// One sample line of the Prometheus text format 0.0.4, <c>name{label="value",...} value [timestamp]</c>, with the
/// checks of the reference parser (expfmt) that node_exporter's textfile collector uses.
/// </summary>
internal static class PrometheusSampleParser
{
    /// <summary>Parses <paramref name="line"/> (no leading blanks); returns what is wrong with it, or null.</summary>
    public static string? Parse(ReadOnlySpan<byte> line, out string name, out Dictionary<string, string>? labels, out double value)
    {
        labels = null;
        value = 0;
        var length = NameLength(line, colon: true);
        name = length == 0 ? "" : Encoding.UTF8.GetString(line[..length]);
        if (length == 0)
        {
            return $"expected a metric name, found '{Shown(line)}'";
        }

        var i = SkipBlanks(line, length);
        if (i == length && i < line.Length && line[i] != '{')
        {
            return $"invalid character '{(char)line[i]}' in metric name '{name}'";
        }

        if (i < line.Length && line[i] == '{')
        {
            var error = Labels(line, ref i, name, out labels);
            if (error is not null)
            {
                return error;
            }

            i = SkipBlanks(line, i);
        }

        if (i == line.Length)
        {
            return $"expected a value after '{name}'";
        }

        var end = BlankAt(line, i);
        if (!TryParseValue(line[i..end], out value))
        {
            return $"expected a number as the value of '{name}', found '{Shown(line[i..end])}'";
        }

        i = SkipBlanks(line, end);
        if (i < line.Length)
        {
            end = BlankAt(line, i);
            if (!Utf8Parser.TryParse(line[i..end], out long _, out var used) || used != end - i)
            {
                return $"expected a timestamp in milliseconds after the value of '{name}', found '{Shown(line[i..end])}'";
            }

            if (SkipBlanks(line, end) < line.Length)
            {
                return $"unexpected text after the timestamp of '{name}'";
            }
        }

        return null;
    }

    private static string? Labels(ReadOnlySpan<byte> line, ref int i, string metric, out Dictionary<string, string>? labels)
    {
        labels = null;
        i++;
        while (true)
        {
            i = SkipBlanks(line, i);
            if (i < line.Length && line[i] == '}')
            {
                i++;
                return null;
            }

            var length = NameLength(line[i..], colon: false);
            if (length == 0)
            {
                return i == line.Length ? $"unclosed label set of '{metric}'" : $"expected a label name in '{metric}', found '{Shown(line[i..])}'";
            }

            var label = Encoding.UTF8.GetString(line.Slice(i, length));
            i = SkipBlanks(line, i + length);
            if (i == line.Length || line[i] != '=')
            {
                return $"expected '=' after label '{label}' of '{metric}'";
            }

            i = SkipBlanks(line, i + 1);
            if (i == line.Length || line[i] != '"')
            {
                return $"expected '\"' to open the value of label '{label}' of '{metric}'";
            }

            var error = LabelValue(line, ref i, label, out var text);
            if (error is not null)
            {
                return error;
            }

            if (label == "__name__")
            {
                return $"label name '__name__' is reserved (in '{metric}')";
            }

            labels ??= new Dictionary<string, string>(StringComparer.Ordinal);
            if (!labels.TryAdd(label, text))
            {
                return $"duplicate label '{label}' in '{metric}'";
            }

            i = SkipBlanks(line, i);
            if (i < line.Length && line[i] == ',')
            {
                i++;
            }
            else if (i == line.Length || line[i] != '}')
            {
                return $"expected ',' or '}}' after the value of label '{label}' of '{metric}'";
            }
        }
    }

    /// <summary>Reads a quoted value from <paramref name="i"/> (its opening quote), undoing <c>\\</c>, <c>\"</c> and <c>\n</c>.</summary>
    private static string? LabelValue(ReadOnlySpan<byte> line, ref int i, string label, out string text)
    {
        text = "";
        var start = i + 1;
        var rest = line[start..];
        var close = rest.IndexOfAny((byte)'"', (byte)'\\');
        if (close >= 0 && rest[close] == '"')
        {
            // No escapes: the common case decodes straight from the line.
            i = start + close + 1;
            return Decode(rest[..close], label, out text);
        }

        var bytes = new byte[rest.Length];
        var n = 0;
        for (var j = 0; j < rest.Length; j++)
        {
            var b = rest[j];
            if (b == '"')
            {
                i = start + j + 1;
                return Decode(bytes.AsSpan(0, n), label, out text);
            }

            if (b == '\\')
            {
                var next = j + 1 < rest.Length ? rest[j + 1] : (byte)0;
                bytes[n++] = next switch
                {
                    (byte)'\\' => (byte)'\\',
                    (byte)'"' => (byte)'"',
                    (byte)'n' => (byte)'\n',
                    _ => 0,
                };
                if (bytes[n - 1] == 0)
                {
                    return next == 0 ? $"unterminated value of label '{label}'" : $"invalid escape '\\{(char)next}' in the value of label '{label}'";
                }

                j++;
            }
            else
            {
                bytes[n++] = b;
            }
        }

        return $"unterminated value of label '{label}'";
    }

    private static string? Decode(ReadOnlySpan<byte> utf8, string label, out string text)
    {
        text = Utf8.IsValid(utf8) ? Encoding.UTF8.GetString(utf8) : "";
        return text.Length == 0 && utf8.Length > 0 ? $"the value of label '{label}' is not valid UTF-8" : null;
    }
}
