namespace InfraFunctions.Core.Aggregation;

/// <summary>One metric over one bucket: enough to recompute averages exactly across buckets (README "Data").</summary>
public sealed record MetricRollup(long Count, double Sum, double Min, double Max, double Last, double P95)
{
    public double Average => Count == 0 ? 0 : Sum / Count;

    /// <summary>Rolls up values given in time order; p95 is the nearest-rank percentile.</summary>
    public static MetricRollup Of(IReadOnlyList<double> valuesInTimeOrder)
    {
        if (valuesInTimeOrder.Count == 0)
        {
            return new MetricRollup(0, 0, 0, 0, 0, 0);
        }

        var sorted = valuesInTimeOrder.ToArray();
        Array.Sort(sorted);
        var sum = 0.0;
        foreach (var v in sorted)
        {
            sum += v;
        }

        var rank = (int)Math.Ceiling(0.95 * sorted.Length);
        return new MetricRollup(sorted.Length, sum, sorted[0], sorted[^1], valuesInTimeOrder[^1], sorted[rank - 1]);
    }

    /// <summary>Combines buckets: exact for count, sum, min, max and last; p95 becomes the largest bucket p95 (an upper bound).</summary>
    public static MetricRollup Combine(IReadOnlyList<MetricRollup> inTimeOrder)
    {
        var parts = inTimeOrder.Where(p => p.Count > 0).ToArray();
        return parts.Length == 0
            ? new MetricRollup(0, 0, 0, 0, 0, 0)
            : new MetricRollup(parts.Sum(p => p.Count), parts.Sum(p => p.Sum), parts.Min(p => p.Min), parts.Max(p => p.Max), parts[^1].Last, parts.Max(p => p.P95));
    }
}
