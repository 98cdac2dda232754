namespace InfraFunctions.Core.Anomalies;

/// <summary>When the disk fills, by least-squares regression of usage over the last 7 days.</summary>
public static class DiskForecaster
{
    public static readonly TimeSpan Lookback = TimeSpan.FromDays(7);

    /// <summary>Projections under this many days are reported (and can raise a warning alert).</summary>
    public const double WarnWithinDays = 14;

    /// <summary>The forecast, or null with fewer than 12 points or under 12 hours of history.</summary>
    public static DiskForecast? Forecast(IReadOnlyList<MetricValue> usagePercent, string mount, DateTimeOffset now)
    {
        if (usagePercent.Count < 12 || usagePercent[^1].Timestamp - usagePercent[0].Timestamp < TimeSpan.FromHours(12))
        {
            return null;
        }

        // x in days since the first point keeps the sums well conditioned.
        var t0 = usagePercent[0].Timestamp;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        foreach (var p in usagePercent)
        {
            var x = (p.Timestamp - t0).TotalDays;
            sx += x;
            sy += p.Value;
            sxx += x * x;
            sxy += x * p.Value;
        }

        var n = usagePercent.Count;
        var denominator = (n * sxx) - (sx * sx);
        if (denominator <= 0)
        {
            return null;
        }

        var slope = ((n * sxy) - (sx * sy)) / denominator;
        var intercept = (sy - (slope * sx)) / n;
        var current = Math.Clamp(intercept + (slope * (now - t0).TotalDays), 0, 100);
        double? days = slope > 1e-9 ? Math.Max(0, (100 - current) / slope) : null;
        var warn = days < WarnWithinDays;
        var message = days is { } d
            ? $"disk {mount} full in {Math.Round(d, 1).ToString(System.Globalization.CultureInfo.InvariantCulture)} days"
            : $"disk {mount} is not filling";
        return new DiskForecast(mount, Math.Round(current, 2), Math.Round(slope, 4), days is { } v ? Math.Round(v, 1) : null,
            days is { } f ? now + TimeSpan.FromDays(Math.Min(f, 36500)) : null, warn, message, n);
    }
}
