namespace InfraFunctions.Core.Aggregation;

/// <summary>
/// One host over one bucket. <see cref="Metrics"/> is keyed by the raw sample column (cpu, mem, swap, disk, load1,
/// net_tx, net_rx, health); <see cref="Mounts"/> by mount point, then percent, read_bps and write_bps.
/// </summary>
public sealed record Rollup(
    string HostId,
    DateTimeOffset Start,
    IReadOnlyDictionary<string, MetricRollup> Metrics,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, MetricRollup>> Mounts)
{
    /// <summary>The flat metrics, in the raw table's column names.</summary>
    public static readonly string[] MetricNames = ["cpu", "mem", "swap", "disk", "load1", "net_tx", "net_rx", "health"];

    public long SampleCount => Metrics.TryGetValue("cpu", out var cpu) ? cpu.Count : 0;
}
