using InfraFunctions.Core.Storage;

namespace InfraFunctions.Core.Anomalies;

/// <summary>
/// The metrics the anomaly scan knows: API name, rollup column, how to read a raw row, and the smallest change worth
/// reporting (5 points of a percentage, 0.5 of load, 64 KiB/s of network).
/// </summary>
public static class AnomalyMetrics
{
    public static readonly IReadOnlyList<string> Defaults = ["cpu", "memory", "disk"];

    private static readonly Dictionary<string, (string Rollup, Func<SampleRow, double> Read, double MinEffect)> Known = new(StringComparer.Ordinal)
    {
        ["cpu"] = ("cpu", r => r.CpuPercent, 5),
        ["memory"] = ("mem", r => r.MemoryPercent, 5),
        ["disk"] = ("disk", r => r.DiskPercent, 5),
        ["swap"] = ("swap", r => r.SwapPercent, 5),
        ["load1"] = ("load1", r => r.Load1, 0.5),
        ["net_tx"] = ("net_tx", r => r.NetworkSentBytesPerSec, 65536),
        ["net_rx"] = ("net_rx", r => r.NetworkRecvBytesPerSec, 65536),
    };

    public static IEnumerable<string> Names => Known.Keys;

    public static bool IsKnown(string name) => Known.ContainsKey(name);

    public static string RollupColumn(string name) => Known[name].Rollup;

    public static double MinEffect(string name) => Known[name].MinEffect;

    public static double Read(string name, SampleRow row) => Known[name].Read(row);
}
