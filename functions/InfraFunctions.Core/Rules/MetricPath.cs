using System.Text;

namespace InfraFunctions.Core.Rules;

/// <summary>
/// A metric a rule watches, as text: a name and optional labels, such as <c>cpu.percent</c>,
/// <c>disk.percent{mount=/data}</c> or <c>process.cpu_percent{name=nginx}</c>. A label value may be quoted
/// (<c>{mount="/mnt/a,b"}</c>) when it holds a comma, brace, quote or equals sign. Labels are kept sorted, so one
/// metric has one text (<see cref="ToString"/>); compare paths by that text.
/// </summary>
public sealed record MetricPath(string Name, IReadOnlyList<KeyValuePair<string, string>> Labels)
{
    public const int MaxLength = 400;

    public string? Label(string key) => Labels.FirstOrDefault(l => l.Key == key).Value;

    public static MetricPath Of(string name, params (string Key, string Value)[] labels) =>
        new(name, labels.Select(l => KeyValuePair.Create(l.Key, l.Value)).OrderBy(l => l.Key, StringComparer.Ordinal).ToArray());

    /// <summary>Reads the text form; on failure, <paramref name="problem"/> says what is wrong with it.</summary>
    public static bool TryParse(string? text, out MetricPath path, out string? problem)
    {
        path = new MetricPath(string.Empty, []);
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength)
        {
            problem = $"Give a metric of 1-{MaxLength} characters, such as cpu.percent or disk.percent{{mount=/data}}.";
            return false;
        }

        var brace = text.IndexOf('{', StringComparison.Ordinal);
        var name = brace < 0 ? text : text[..brace];
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or ':'))
        {
            problem = $"The metric name '{name}' may use only letters, digits, '_', '.' and ':'.";
            return false;
        }

        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (brace >= 0 && !TryParseLabels(text, brace + 1, labels, out problem))
        {
            return false;
        }

        path = new MetricPath(name, labels.ToArray());
        problem = null;
        return true;
    }

    private static bool TryParseLabels(string text, int at, SortedDictionary<string, string> labels, out string? problem)
    {
        problem = "Write labels as {key=value,key2=value2}; quote a value that holds , } \" or =.";
        if (!text.EndsWith('}'))
        {
            return false;
        }

        var i = at;
        while (i < text.Length - 1)
        {
            var eq = text.IndexOf('=', i);
            if (eq <= i)
            {
                return false;
            }

            var key = text[i..eq].Trim();
            if (key.Length == 0 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                problem = $"The label key '{key}' may use only letters, digits and '_'.";
                return false;
            }

            var value = new StringBuilder();
            i = eq + 1;
            if (i < text.Length && text[i] == '"')
            {
                for (i++; i < text.Length - 1 && text[i] != '"'; i++)
                {
                    value.Append(text[i] == '\\' && i + 1 < text.Length - 1 ? text[++i] : text[i]);
                }

                if (i >= text.Length - 1)
                {
                    return false;
                }

                i++; // the closing quote
            }
            else
            {
                for (; i < text.Length - 1 && text[i] != ','; i++)
                {
                    if (text[i] is '{' or '}' or '"' or '=')
                    {
                        return false;
                    }

                    value.Append(text[i]);
                }
            }

            if (value.Length == 0 || !labels.TryAdd(key, value.ToString()))
            {
                problem = value.Length == 0 ? $"The label '{key}' needs a value." : $"The label '{key}' is given twice.";
                return false;
            }

            if (i < text.Length - 1 && text[i++] != ',')
            {
                return false;
            }
        }

        return labels.Count > 0;
    }

    public override string ToString()
    {
        if (Labels.Count == 0)
        {
            return Name;
        }

        var text = new StringBuilder(Name).Append('{');
        foreach (var (key, value) in Labels)
        {
            text.Append(key).Append('=');
            if (value.Any(c => c is ',' or '{' or '}' or '"' or '=' or '\\'))
            {
                text.Append('"').Append(value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                text.Append(value);
            }

            text.Append(',');
        }

        text[^1] = '}';
        return text.ToString();
    }
}
