using InfraFunctions.Core.Aggregation;

namespace InfraFunctions.Core.Anomalies;

/// <summary>
/// The metrics the anomaly scan knows: API name, the summary metric it reads (rollup column and raw row), and the smallest change worth
/// reporting (5 points of a percentage, 0.5 of load, 64 KiB/s of network).
/// </summary>
public static class AnomalyMetrics
{
    public static readonly IReadOnlyList<string> Defaults = ["cpu", "memory", "disk"];

    private static readonly Dictionary<string, (SummaryMetric Metric, double MinEffect)> Known = new(StringComparer.Ordinal)
    {
        ["cpu"] = (MetricCatalog.Cpu, 5),
        ["memory"] = (MetricCatalog.Memory, 5),
        ["disk"] = (MetricCatalog.Disk, 5),
        ["swap"] = (MetricCatalog.Swap, 5),
        ["load1"] = (MetricCatalog.Load1, 0.5),
        ["net_tx"] = (MetricCatalog.NetworkSent, 65536),
        ["net_rx"] = (MetricCatalog.NetworkReceived, 65536),
    };

    public static IEnumerable<string> Names => Known.Keys;

    public static bool IsKnown(string name) => Known.ContainsKey(name);

    public static string RollupColumn(string name) => Known[name].Metric.Rollup;

    public static double MinEffect(string name) => Known[name].MinEffect;

    public static double Read(string name, SampleRow row) => Known[name].Metric.Read(row);
}
