
namespace InfraFunctions.Core.Aggregation;

/// <summary>A window read from the tiers: bucket rollups in time order, and how many stored rows of each kind were read.</summary>
public sealed record SummaryRead(string Resolution, IReadOnlyList<Rollup> Buckets, int RawRowsRead, int RollupRowsRead)
{
    private static readonly (string Column, string Name)[] Names =
    [
        ("cpu", "cpu_percent"), ("mem", "memory_percent"), ("disk", "disk_percent"), ("swap", "swap_percent"),
        ("load1", "load_1m"), ("net_tx", "network_sent_bytes_per_sec"), ("net_rx", "network_recv_bytes_per_sec"), ("health", "health_score"),
    ];

    public long SampleCount => Buckets.Sum(b => b.SampleCount);

    /// <summary>Averages weighted by sample count, so they equal the average over the raw samples.</summary>
    public IReadOnlyDictionary<string, MetricStats> Stats()
    {
        var stats = new Dictionary<string, MetricStats>(StringComparer.Ordinal);
        if (SampleCount == 0)
        {
            return stats;
        }

        foreach (var (column, name) in Names)
        {
            var m = MetricRollup.Combine(Buckets.Select(b => b.Metrics[column]).ToArray());
            stats[name] = new MetricStats(Round(m.Average), Round(m.Min), Round(m.Max), Round(m.Last));
        }

        return stats;
    }

    /// <summary>One point per bucket, or per run of buckets combined so there are at most <paramref name="maxPoints"/>.</summary>
    public IReadOnlyList<SummaryPoint> Series(int maxPoints = SummaryWindows.MaxPoints)
    {
        var size = Math.Max(1, (int)Math.Ceiling(Buckets.Count / (double)maxPoints));
        var points = new List<SummaryPoint>();
        foreach (var run in Buckets.Chunk(size))
        {
            double Avg(string column) => Round(MetricRollup.Combine(run.Select(b => b.Metrics[column]).ToArray()).Average);
            points.Add(new SummaryPoint(run[0].Start, Avg("cpu"), Avg("mem"), Avg("disk"), Avg("swap"), Avg("load1"), Avg("net_tx"), Avg("net_rx"), Avg("health")));
        }

        return points;
    }

    private static double Round(double v) => Math.Round(v, 2, MidpointRounding.AwayFromZero);
}
