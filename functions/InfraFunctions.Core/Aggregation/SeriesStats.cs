namespace InfraFunctions.Core.Aggregation;

/// <summary>
/// One custom series or temperature sensor over one bucket: count, sum, lowest, highest and latest. Unlike the built-in
/// metrics there is no p95: it needs every value of the bucket, and a host may report a thousand custom series.
/// </summary>
public sealed record SeriesStats(long Count, double Sum, double Min, double Max, double Last)
{
    public double Average => Count == 0 ? 0 : Sum / Count;

    public static SeriesStats Of(double value) => new(1, value, value, value, value);

    /// <summary>This bucket with a later value added.</summary>
    public SeriesStats Add(double value) => new(Count + 1, Sum + value, Math.Min(Min, value), Math.Max(Max, value), value);

    /// <summary>Buckets in time order combined: exact for every part.</summary>
    public static SeriesStats Combine(IReadOnlyList<SeriesStats> inTimeOrder)
    {
        long count = 0;
        double sum = 0, min = double.MaxValue, max = double.MinValue, last = 0;
        foreach (var s in inTimeOrder)
        {
            if (s.Count == 0)
            {
                continue;
            }

            count += s.Count;
            sum += s.Sum;
            min = Math.Min(min, s.Min);
            max = Math.Max(max, s.Max);
            last = s.Last;
        }

        return count == 0 ? new SeriesStats(0, 0, 0, 0, 0) : new SeriesStats(count, sum, min, max, last);
    }
}
