using System.Text;
using InfraFunctions.Contracts;
using static InfraFunctions.Agent.Parsing.PrometheusTokens;

namespace InfraFunctions.Agent.Parsing;

/// <summary>
/// A <c>.prom</c> file in the Prometheus text exposition format 0.0.4, as node_exporter's textfile collector reads it:
/// comments, <c># HELP</c>, <c># TYPE</c>, labels with escapes, optional timestamps (ignored). A summary's or
/// histogram's <c>_sum</c>, <c>_count</c> and <c>_bucket</c> series keep the family's type.
/// </summary>
internal static class PrometheusTextParser
{
    public static PrometheusParseResult Parse(ReadOnlySpan<byte> text)
    {
        var families = new Dictionary<string, PrometheusFamily>(StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var series = new List<ParsedSeries>();
        int nonFinite = 0, broken = 0;
        string? firstNonFinite = null, firstBroken = null;
        var number = 0;
        while (ProcText.NextLine(ref text, out var line))
        {
            number++;
            line = line.TrimEnd((byte)'\r');
            var start = SkipBlanks(line, 0);
            if (start == line.Length)
            {
                continue;
            }

            if (line[start] == '#')
            {
                if (Comment(line[(start + 1)..], families) is { } commentError)
                {
                    return PrometheusParseResult.Failed(number, commentError);
                }

                continue;
            }

            string? type = null;
            var error = PrometheusSampleParser.Parse(line[start..], out var name, out var labels, out var value)
                ?? Family(name, labels, families, out type);
            if (error is not null)
            {
                return PrometheusParseResult.Failed(number, error);
            }

            var key = CustomSeries.Key(name, labels);
            if (!keys.Add(key))
            {
                return PrometheusParseResult.Failed(number, $"duplicate series '{name}' with the same labels as an earlier line");
            }

            if (!double.IsFinite(value))
            {
                nonFinite++;
                firstNonFinite ??= $"{number}: {name}";
            }
            else if (CustomSeries.BrokenRule(name, labels) is { } rule)
            {
                broken++;
                firstBroken ??= $"{number}: {rule}";
            }
            else
            {
                series.Add(new ParsedSeries(new CustomMetric(name, value, labels, type), key));
            }
        }

        return new PrometheusParseResult(series, nonFinite, firstNonFinite, broken, firstBroken);
    }

    /// <summary>Reads a <c># HELP</c> or <c># TYPE</c> line; any other comment is ignored.</summary>
    private static string? Comment(ReadOnlySpan<byte> line, Dictionary<string, PrometheusFamily> families)
    {
        var start = SkipBlanks(line, 0);
        var end = BlankAt(line, start);
        var keyword = line[start..end];
        var help = keyword.SequenceEqual("HELP"u8);
        if (!help && !keyword.SequenceEqual("TYPE"u8))
        {
            return null;
        }

        var rest = line[SkipBlanks(line, end)..];
        if (rest.IsEmpty)
        {
            return null;
        }

        var length = NameLength(rest, colon: true);
        if (length == 0 || (length < rest.Length && !IsBlank(rest[length])))
        {
            return $"invalid metric name in # {(help ? "HELP" : "TYPE")}: '{Shown(rest)}'";
        }

        var name = Encoding.UTF8.GetString(rest[..length]);
        rest = rest[SkipBlanks(rest, length)..].TrimEnd(" \t"u8);
        var family = Get(Resolve(name, families), families);
        if (rest.IsEmpty)
        {
            return null;
        }

        if (help)
        {
            if (family.Help)
            {
                return $"second # HELP line for '{name}'";
            }

            family.Help = true;
            return InvalidHelpEscape(rest) ? $"invalid escape in the # HELP text of '{name}' (only \\\\ and \\n)" : null;
        }

        var type = Encoding.UTF8.GetString(rest).ToLowerInvariant();
        if (type is not ("counter" or "gauge" or "histogram" or "summary" or "untyped"))
        {
            return $"unknown metric type '{Shown(rest)}' for '{name}'";
        }

        if (family.Type is not null || family.Samples)
        {
            return $"second # TYPE line for '{name}', or # TYPE after its samples";
        }

        family.Type = type;
        return null;
    }

    /// <summary>Finds the sample's family, checks what its type requires, and gives the type the series carries.</summary>
    private static string? Family(string name, Dictionary<string, string>? labels, Dictionary<string, PrometheusFamily> families, out string? type)
    {
        var familyName = Resolve(name, families);
        var family = Get(familyName, families);
        family.Samples = true;
        type = family.Type is null or "untyped" ? null : family.Type;
        var bucket = type == "histogram" && name.Length == familyName.Length + "_bucket".Length;
        var quantile = type == "summary" && name.Length == familyName.Length;
        if (type == "histogram" && name.Length == familyName.Length)
        {
            return $"histogram '{name}' has samples named {name}_bucket, {name}_sum and {name}_count, not {name}";
        }

        var label = bucket ? "le" : quantile ? "quantile" : null;
        if (label is null)
        {
            return null;
        }

        if (labels is null || !labels.TryGetValue(label, out var bound))
        {
            return $"{type} sample '{name}' has no '{label}' label";
        }

        return PrometheusTokens.TryParseValue(Encoding.UTF8.GetBytes(bound), out _) ? null : $"the '{label}' label of '{name}' is not a number: '{bound}'";
    }

    /// <summary>A name's family: itself, or the summary or histogram that its <c>_sum</c>, <c>_count</c> or <c>_bucket</c> suffix belongs to.</summary>
    private static string Resolve(string name, Dictionary<string, PrometheusFamily> families)
    {
        if (families.ContainsKey(name))
        {
            return name;
        }

        foreach (var suffix in (ReadOnlySpan<string>)["_sum", "_count", "_bucket"])
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal)
                && families.TryGetValue(name[..^suffix.Length], out var family)
                && (family.Type == "histogram" || (family.Type == "summary" && suffix != "_bucket")))
            {
                return name[..^suffix.Length];
            }
        }

        return name;
    }

    private static PrometheusFamily Get(string name, Dictionary<string, PrometheusFamily> families)
    {
        if (!families.TryGetValue(name, out var family))
        {
            family = new PrometheusFamily();
            families[name] = family;
        }

        return family;
    }

    private static bool InvalidHelpEscape(ReadOnlySpan<byte> help)
    {
        for (var i = 0; i < help.Length; i++)
        {
            if (help[i] == '\\')
            {
                if (i + 1 == help.Length || help[i + 1] is not ((byte)'\\' or (byte)'n'))
                {
                    return true;
                }

                i++;
            }
        }

        return false;
    }
}
