namespace InfraFunctions.Core.Aggregation;

/// <summary>Per-metric avg/min/max/last over a window, and a series thinned to at most 500 points by averaging.</summary>
public static class SummaryBuilder
{
    public static IReadOnlyDictionary<string, MetricStats> Stats(IReadOnlyList<SampleRow> rows)
    {
        var stats = new Dictionary<string, MetricStats>(StringComparer.Ordinal);
        if (rows.Count == 0)
        {
            return stats;
        }

        foreach (var metric in MetricCatalog.All)
        {
            var value = metric.Read;
            double sum = 0, min = double.MaxValue, max = double.MinValue;
            foreach (var row in rows)
            {
                var v = value(row);
                sum += v;
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }

            stats[metric.SummaryKey] = new MetricStats(Round(sum / rows.Count), Round(min), Round(max), Round(value(rows[^1])));
        }

        return stats;
    }

    public static IReadOnlyList<SummaryPoint> Series(IReadOnlyList<SampleRow> rows, int maxPoints = TimeWindows.MaxPoints)
    {
        var size = Math.Max(1, (int)Math.Ceiling(rows.Count / (double)maxPoints));
        var points = new List<SummaryPoint>(Math.Min(rows.Count, maxPoints));
        for (var i = 0; i < rows.Count; i += size)
        {
            var n = Math.Min(size, rows.Count - i);
            double Avg(Func<SampleRow, double> f)
            {
                double s = 0;
                for (var j = i; j < i + n; j++)
                {
                    s += f(rows[j]);
                }

                return Round(s / n);
            }

            points.Add(MetricCatalog.Point(rows[i].Timestamp, m => Avg(m.Read)));
        }

        return points;
    }

    private static double Round(double v) => Math.Round(v, 2, MidpointRounding.AwayFromZero);
}
