using System.Text;

namespace InfraFunctions.Core.Aggregation;

/// <summary>
/// What identifies a custom series: its name and its labels sorted by name, written as Prometheus writes a series
/// (<c>name{a="1",b="2"}</c>, values escaped), so two series share a key only when they are the same series.
/// </summary>
public static class CustomSeriesKey
{
    public static string Of(string name, IReadOnlyDictionary<string, string>? labels)
    {
        if (labels is not { Count: > 0 })
        {
            return name;
        }

        var sb = new StringBuilder(name.Length + (labels.Count * 16)).Append(name).Append('{');
        var first = true;
        foreach (var (label, value) in labels.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            sb.Append(first ? string.Empty : ",").Append(label).Append("=\"")
                .Append(value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal))
                .Append('"');
            first = false;
        }

        return sb.Append('}').ToString();
    }

    /// <summary>Whether the series has every selected label with its value (an empty selector matches all).</summary>
    public static bool Matches(IReadOnlyDictionary<string, string>? labels, IReadOnlyList<KeyValuePair<string, string>> selectors)
    {
        foreach (var (key, value) in selectors)
        {
            if (labels is null || !labels.TryGetValue(key, out var actual) || !string.Equals(actual, value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
