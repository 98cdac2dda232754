using InfraFunctions.Core.Aggregation;

namespace InfraFunctions.Core.Anomalies;

/// <summary>The anomaly scan itself, pure and in memory: separate from the table reads so the benchmark can time it alone.</summary>
public static class AnomalyAnalyzer
{
    /// <summary>Raw samples are averaged into one-minute points before scoring: even spacing, and 12x fewer points.</summary>
    public static readonly TimeSpan Step = TimeSpan.FromMinutes(1);

    public static AnomalyFindings Run(
        IReadOnlyList<SampleRow> raw,
        IReadOnlyList<Rollup> hourly,
        IReadOnlyList<string> metrics,
        AnomalySensitivity sensitivity,
        DateTimeOffset from,
        DateTimeOffset now)
    {
        var anomalies = new List<Anomaly>();
        var baselines = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var metric in metrics)
        {
            var points = Downsample(raw, row => AnomalyMetrics.Read(metric, row));
            var seasonal = SeasonalBaseline.From(hourly, AnomalyMetrics.RollupColumn(metric), from - TimeSpan.FromHours(1));
            baselines[metric] = seasonal is null ? "rolling_median" : "seasonal";
            anomalies.AddRange(AnomalyDetector.Detect(points, metric, sensitivity, seasonal, from, AnomalyMetrics.MinEffect(metric)));
        }

        return new AnomalyFindings(
            anomalies.OrderByDescending(a => a.Timestamp).ThenBy(a => a.Metric, StringComparer.Ordinal).ToArray(),
            baselines,
            ForecastDisk(raw, hourly, now));
    }

    /// <summary>Linear regression over 7 days of hourly disk averages, or one-minute raw points when rollups are missing.</summary>
    public static DiskForecast? ForecastDisk(IReadOnlyList<SampleRow> raw, IReadOnlyList<Rollup> hourly, DateTimeOffset now)
    {
        var since = now - DiskForecaster.Lookback;
        var points = hourly
            .Where(r => r.Start >= since && r.Metrics.TryGetValue(MetricCatalog.Disk.Rollup, out var m) && m.Count > 0)
            .Select(r => new MetricValue(r.Start + TimeSpan.FromMinutes(30), r.Metrics[MetricCatalog.Disk.Rollup].Average))
            .ToList();
        var lastHourly = points.Count > 0 ? points[^1].Timestamp + TimeSpan.FromMinutes(30) : DateTimeOffset.MinValue;
        var recent = Downsample(raw.Where(r => r.Timestamp >= lastHourly).ToArray(), MetricCatalog.Disk.Read);
        points.AddRange(points.Count >= 12 ? Hourly(recent) : recent);
        return DiskForecaster.Forecast(points, "/", now);
    }

    /// <summary>One-minute means of a time-ordered series; empty minutes are left out.</summary>
    public static List<MetricValue> Downsample(IReadOnlyList<SampleRow> rows, Func<SampleRow, double> read)
    {
        var points = new List<MetricValue>(rows.Count / 6 + 1);
        var i = 0;
        while (i < rows.Count)
        {
            var bucket = rows[i].Timestamp.UtcTicks - (rows[i].Timestamp.UtcTicks % Step.Ticks);
            double sum = 0;
            var count = 0;
            for (; i < rows.Count && rows[i].Timestamp.UtcTicks - bucket < Step.Ticks; i++)
            {
                sum += read(rows[i]);
                count++;
            }

            points.Add(new MetricValue(new DateTimeOffset(bucket, TimeSpan.Zero), sum / count));
        }

        return points;
    }

    private static IEnumerable<MetricValue> Hourly(List<MetricValue> minutes) =>
        minutes.GroupBy(p => p.Timestamp.UtcTicks / TimeSpan.TicksPerHour)
            .Select(g => new MetricValue(new DateTimeOffset(g.Key * TimeSpan.TicksPerHour, TimeSpan.Zero) + TimeSpan.FromMinutes(30), g.Average(p => p.Value)));
}
