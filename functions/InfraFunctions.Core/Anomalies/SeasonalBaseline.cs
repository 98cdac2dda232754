using InfraFunctions.Core.Aggregation;

namespace InfraFunctions.Core.Anomalies;

/// <summary>
/// The expected value by time of day: for each UTC hour, the median of that hour's hourly averages on previous days.
/// Used only when the history spans at least <see cref="MinimumDays"/> days; values between hour centres are
/// interpolated so a smooth daily cycle does not turn into hourly steps.
/// </summary>
public sealed class SeasonalBaseline
{
    public const int MinimumDays = 3;

    private readonly double[] _byHour;

    private SeasonalBaseline(double[] byHour) => _byHour = byHour;

    /// <summary>A baseline from hourly rollups before <paramref name="before"/>, or null with under 3 days of history.</summary>
    public static SeasonalBaseline? From(IReadOnlyList<Rollup> hourly, string metric, DateTimeOffset before)
    {
        var byHour = new List<double>[24];
        var days = new HashSet<DateTime>();
        DateTimeOffset? first = null;
        foreach (var r in hourly)
        {
            if (r.Start >= before || !r.Metrics.TryGetValue(metric, out var m) || m.Count == 0)
            {
                continue;
            }

            first ??= r.Start;
            days.Add(r.Start.UtcDateTime.Date);
            (byHour[r.Start.Hour] ??= []).Add(m.Average);
        }

        if (first is null || before - first.Value < TimeSpan.FromDays(MinimumDays) || days.Count < MinimumDays)
        {
            return null;
        }

        var medians = new double[24];
        for (var h = 0; h < 24; h++)
        {
            if (byHour[h] is not { Count: > 0 } values)
            {
                return null; // a hole in the day: no honest seasonal shape
            }

            medians[h] = RobustStats.Median(values.ToArray());
        }

        return new SeasonalBaseline(medians);
    }

    /// <summary>The expected value at <paramref name="t"/>, interpolated between the hours' centres.</summary>
    public double Expected(DateTimeOffset t)
    {
        var hours = t.UtcDateTime.TimeOfDay.TotalHours - 0.5;
        var lower = (int)Math.Floor(hours);
        var fraction = hours - lower;
        var a = _byHour[(lower + 24) % 24];
        var b = _byHour[(lower + 25) % 24];
        return a + ((b - a) * fraction);
    }
}
