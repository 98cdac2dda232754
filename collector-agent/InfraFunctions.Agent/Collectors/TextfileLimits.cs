using System.Globalization;
using InfraFunctions.Agent.Parsing;
using InfraFunctions.Contracts;

namespace InfraFunctions.Agent.Collectors;

/// <summary>
/// Keeps the series within the per-sample limits, in file name order so the same series are kept every sample:
/// a series is dropped when one of its labels would take more distinct values within its metric name than
/// <c>custom_metrics_max_label_values</c>, or when <c>custom_metrics_max_series</c> are already kept.
/// </summary>
internal static class TextfileLimits
{
    public static (List<CustomMetric> Kept, long Dropped) Apply(List<ParsedSeries> series, int maxSeries, int maxLabelValues, List<CollectorError> errors)
    {
        var kept = new List<CustomMetric>(Math.Min(series.Count, maxSeries));
        var values = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        long overSeries = 0, overCardinality = 0;
        string? firstCardinality = null;
        foreach (var item in series)
        {
            var metric = item.Metric;
            if (OverCardinality(metric, values, maxLabelValues) is { } label)
            {
                overCardinality++;
                firstCardinality ??= $"label '{label}' of '{metric.Name}'";
                continue;
            }

            if (kept.Count == maxSeries)
            {
                overSeries++;
                continue;
            }

            foreach (var (name, value) in metric.Labels ?? EmptyLabels)
            {
                Values(values, metric.Name, name).Add(value);
            }

            kept.Add(metric);
        }

        if (overCardinality > 0)
        {
            errors.Add(new CollectorError(TextfileResult.Collector, string.Create(CultureInfo.InvariantCulture,
                $"{overCardinality} series dropped: past custom_metrics_max_label_values ({maxLabelValues} distinct values of one label within one metric), first {firstCardinality}")));
        }

        if (overSeries > 0)
        {
            errors.Add(new CollectorError(TextfileResult.Collector, string.Create(CultureInfo.InvariantCulture,
                $"{overSeries} series dropped: past custom_metrics_max_series ({maxSeries} series per sample)")));
        }

        return (kept, overSeries + overCardinality);
    }

    private static readonly Dictionary<string, string> EmptyLabels = [];

    private static string? OverCardinality(CustomMetric metric, Dictionary<string, HashSet<string>> values, int maxLabelValues)
    {
        foreach (var (name, value) in metric.Labels ?? EmptyLabels)
        {
            var seen = Values(values, metric.Name, name);
            if (seen.Count >= maxLabelValues && !seen.Contains(value))
            {
                return name;
            }
        }

        return null;
    }

    private static HashSet<string> Values(Dictionary<string, HashSet<string>> values, string metric, string label)
    {
        var key = $"{metric}\0{label}";
        if (!values.TryGetValue(key, out var seen))
        {
            seen = new HashSet<string>(StringComparer.Ordinal);
            values[key] = seen;
        }

        return seen;
    }
}
