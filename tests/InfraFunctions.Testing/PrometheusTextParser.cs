using System.Globalization;
using System.Text;

namespace InfraFunctions.Testing;

/// <summary>A sample of an exposition: metric name, labels (unescaped), value, and the family's TYPE.</summary>
public sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value, string Type);

/// <summary>
/// A strict parser of the Prometheus text exposition format 0.0.4, written from its grammar because no maintained
/// parser is served as a NuGet package here (prometheus-net only writes). It rejects: a missing final line feed,
/// a sample before its family's TYPE, a second HELP or TYPE for a family, an unknown type, names outside
/// <c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>, label names outside <c>[a-zA-Z_][a-zA-Z0-9_]*</c>, escapes other than
/// <c>\\</c> <c>\"</c> <c>\n</c> in label values (and <c>\\</c> <c>\n</c> in HELP), families split apart, duplicate
/// series, and values Go's ParseFloat would refuse.
/// </summary>
public static class PrometheusTextParser
{
    private static readonly string[] Types = ["counter", "gauge", "histogram", "summary", "untyped"];

    public static (List<PrometheusSample> Samples, Dictionary<string, string> Help) Parse(string text)
    {
        if (text.Length > 0 && !text.EndsWith('\n'))
        {
            throw new FormatException("The exposition must end with a line feed.");
        }

        var samples = new List<PrometheusSample>();
        var help = new Dictionary<string, string>(StringComparer.Ordinal);
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var finished = new HashSet<string>(StringComparer.Ordinal);
        var series = new HashSet<string>(StringComparer.Ordinal);
        string? current = null;
        var lineNo = 0;
        foreach (var line in text[..^1].Split('\n'))
        {
            lineNo++;
            if (line.Length == 0 || (line.StartsWith('#') && !line.StartsWith("# HELP ", StringComparison.Ordinal) && !line.StartsWith("# TYPE ", StringComparison.Ordinal)))
            {
                continue; // blank lines and plain comments are allowed
            }

            if (line.StartsWith("# HELP ", StringComparison.Ordinal) || line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var rest = line[7..];
                var space = rest.IndexOf(' ', StringComparison.Ordinal);
                var name = space < 0 ? rest : rest[..space];
                var value = space < 0 ? string.Empty : rest[(space + 1)..];
                RequireName(name, lineNo);
                Enter(name);
                if (line[2] == 'H')
                {
                    Fail(!help.TryAdd(name, UnescapeHelp(value, lineNo)), $"second HELP for {name}", lineNo);
                }
                else
                {
                    Fail(!Types.Contains(value), $"unknown type '{value}'", lineNo);
                    Fail(samples.Any(s => s.Name == name), $"TYPE for {name} after its samples", lineNo);
                    Fail(!types.TryAdd(name, value), $"second TYPE for {name}", lineNo);
                }

                continue;
            }

            var (metric, labels, number) = Sample(line, lineNo);
            Enter(metric);
            Fail(!types.TryGetValue(metric, out var type), $"sample of {metric} before its TYPE", lineNo);
            var key = metric + "{" + string.Join(",", labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Key + "=" + l.Value)) + "}";
            Fail(!series.Add(key), $"duplicate series {key}", lineNo);
            samples.Add(new PrometheusSample(metric, labels, number, type!));
        }

        return (samples, help);

        void Enter(string name)
        {
            if (current == name)
            {
                return;
            }

            Fail(finished.Contains(name), $"family {name} appears in two places", lineNo);
            if (current is not null)
            {
                finished.Add(current);
            }

            current = name;
        }
    }

    private static (string Name, Dictionary<string, string> Labels, double Value) Sample(string line, int lineNo)
    {
        var i = 0;
        while (i < line.Length && line[i] is not ('{' or ' '))
        {
            i++;
        }

        var name = line[..i];
        RequireName(name, lineNo);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (i < line.Length && line[i] == '{')
        {
            i++;
            while (line[i] != '}')
            {
                var eq = line.IndexOf('=', i);
                Fail(eq < 0, "label without '='", lineNo);
                var label = line[i..eq];
                Fail(!IsName(label, colon: false), $"bad label name '{label}'", lineNo);
                Fail(eq + 1 >= line.Length || line[eq + 1] != '"', "label value must be quoted", lineNo);
                var value = new StringBuilder();
                i = eq + 2;
                for (; ; i++)
                {
                    Fail(i >= line.Length, "unterminated label value", lineNo);
                    if (line[i] == '"')
                    {
                        break;
                    }

                    if (line[i] == '\\')
                    {
                        i++;
                        Fail(i >= line.Length, "dangling backslash", lineNo);
                        value.Append(line[i] switch
                        {
                            '\\' => '\\',
                            '"' => '"',
                            'n' => '\n',
                            _ => throw new FormatException($"line {lineNo}: bad escape '\\{line[i]}' in a label value"),
                        });
                        continue;
                    }

                    value.Append(line[i]);
                }

                Fail(!labels.TryAdd(label, value.ToString()), $"label {label} twice", lineNo);
                i++;
                Fail(i >= line.Length, "unterminated label set", lineNo);
                if (line[i] == ',')
                {
                    i++;
                }
                else
                {
                    Fail(line[i] != '}', "expected ',' or '}'", lineNo);
                }
            }

            i++;
        }

        Fail(i >= line.Length || line[i] != ' ', "expected a space before the value", lineNo);
        var parts = line[(i + 1)..].Split(' ');
        Fail(parts.Length is < 1 or > 2, "expected a value and an optional timestamp", lineNo);
        Fail(parts.Length == 2 && !long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _), "bad timestamp", lineNo);
        return (name, labels, Value(parts[0], lineNo));
    }

    private static double Value(string text, int lineNo) => text switch
    {
        "NaN" => double.NaN,
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && !text.Contains(',', StringComparison.Ordinal) => v,
        _ => throw new FormatException($"line {lineNo}: bad value '{text}'"),
    };

    private static string UnescapeHelp(string text, int lineNo)
    {
        var result = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\')
            {
                result.Append(text[i]);
                continue;
            }

            Fail(++i >= text.Length, "dangling backslash in HELP", lineNo);
            result.Append(text[i] switch { '\\' => '\\', 'n' => '\n', _ => throw new FormatException($"line {lineNo}: bad escape in HELP") });
        }

        return result.ToString();
    }

    private static void RequireName(string name, int lineNo) => Fail(!IsName(name, colon: true), $"bad metric name '{name}'", lineNo);

    private static bool IsName(string name, bool colon) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_' || (colon && name[0] == ':'))
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_' || (colon && c == ':'));

    private static void Fail(bool condition, string what, int lineNo)
    {
        if (condition)
        {
            throw new FormatException($"line {lineNo}: {what}");
        }
    }
}
