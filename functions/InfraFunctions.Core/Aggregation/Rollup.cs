namespace InfraFunctions.Core.Aggregation;

/// <summary>
/// One host over one bucket. <see cref="Metrics"/> is keyed by the raw sample column (cpu, mem, swap, disk, load1,
/// net_tx, net_rx, health); <see cref="Mounts"/> by mount point, then percent, read_bps and write_bps;
/// <see cref="Custom"/> by <see cref="CustomSeriesKey"/>; <see cref="Temperatures"/> by sensor.
/// <see cref="CustomCut"/> counts the series left out to keep the row within Table Storage's entity size.
/// </summary>
public sealed record Rollup(
    string HostId,
    DateTimeOffset Start,
    IReadOnlyDictionary<string, MetricRollup> Metrics,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, MetricRollup>> Mounts,
    IReadOnlyDictionary<string, CustomRollup>? Custom = null,
    IReadOnlyDictionary<string, SeriesStats>? Temperatures = null,
    int CustomCut = 0)
{
    public IReadOnlyDictionary<string, CustomRollup> CustomSeries => Custom ?? EmptyCustom;

    public IReadOnlyDictionary<string, SeriesStats> TemperatureSeries => Temperatures ?? EmptyTemperatures;

    private static readonly Dictionary<string, CustomRollup> EmptyCustom = [];
    private static readonly Dictionary<string, SeriesStats> EmptyTemperatures = [];

    /// <summary>The flat metrics, in the raw table's column names.</summary>
    public static readonly string[] MetricNames = [.. MetricCatalog.All.Select(m => m.Rollup)];

    public long SampleCount => Metrics.TryGetValue(MetricCatalog.Cpu.Rollup, out var cpu) ? cpu.Count : 0;
}
