
namespace InfraFunctions.Core.Aggregation;

/// <summary>A window read from the tiers: bucket rollups in time order, and how many stored rows of each kind were read.</summary>
public sealed record SummaryRead(string Resolution, IReadOnlyList<Rollup> Buckets, int RawRowsRead, int RollupRowsRead)
{
    public long SampleCount => Buckets.Sum(b => b.SampleCount);

    /// <summary>Averages weighted by sample count, so they equal the average over the raw samples.</summary>
    public IReadOnlyDictionary<string, MetricStats> Stats()
    {
        var stats = new Dictionary<string, MetricStats>(StringComparer.Ordinal);
        if (SampleCount == 0)
        {
            return stats;
        }

        foreach (var metric in MetricCatalog.All)
        {
            var m = MetricRollup.Combine(Buckets.Select(b => b.Metrics[metric.Rollup]).ToArray());
            stats[metric.SummaryKey] = new MetricStats(Round(m.Average), Round(m.Min), Round(m.Max), Round(m.Last));
        }

        return stats;
    }

    /// <summary>One point per bucket, or per run of buckets combined so there are at most <paramref name="maxPoints"/>.</summary>
    public IReadOnlyList<SummaryPoint> Series(int maxPoints = TimeWindows.MaxPoints)
    {
        var size = Math.Max(1, (int)Math.Ceiling(Buckets.Count / (double)maxPoints));
        var points = new List<SummaryPoint>();
        foreach (var run in Buckets.Chunk(size))
        {
            points.Add(MetricCatalog.Point(run[0].Start, m => Round(MetricRollup.Combine(run.Select(b => b.Metrics[m.Rollup]).ToArray()).Average)));
        }

        return points;
    }

    private static double Round(double v) => Math.Round(v, 2, MidpointRounding.AwayFromZero);
}
