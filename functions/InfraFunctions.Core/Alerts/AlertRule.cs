using InfraFunctions.Core.Rules;

namespace InfraFunctions.Core.Alerts;

/// <summary>
/// Raise after the condition has held for the duration; resolve after it has cleared for the duration (README
/// "Alerts"). Between the two bands (the dead band of the clear margin) nothing changes, so a value oscillating around
/// a level raises one alert, not many. A gap longer than the gap limit restarts the clock that was running, so a
/// resolve always needs the full duration of fresh data after a gap, never the gap itself.
/// </summary>
public static class AlertRule
{
    /// <summary>A value against a level of a rule: <see cref="RuleDefinition.Breaches"/> raises, <see cref="RuleDefinition.Clears"/> resolves.</summary>
    public static (AlertTrack Track, AlertTransition Transition) Step(
        AlertTrack track, DateTimeOffset at, RuleDefinition rule, double value, double level, TimeSpan gapLimit) =>
        Step(track, at, rule.Breaches(value, level), rule.Clears(value, level), TimeSpan.FromSeconds(rule.DurationSeconds), gapLimit);

    /// <summary>A value at or above a threshold raises; below the threshold minus the hysteresis resolves.</summary>
    public static (AlertTrack Track, AlertTransition Transition) Step(
        AlertTrack track, DateTimeOffset at, double value, double threshold, double hysteresis, TimeSpan duration) =>
        Step(track, at, value >= threshold, value < threshold - hysteresis, duration, TimeSpan.MaxValue);

    public static (AlertTrack Track, AlertTransition Transition) Step(
        AlertTrack track, DateTimeOffset at, bool breaches, bool clears, TimeSpan duration, TimeSpan gapLimit)
    {
        if (track.LastTimestamp is { } last && at <= last)
        {
            return (track, AlertTransition.None); // a retried or out-of-order sample changes nothing
        }

        // Only the clock towards the next transition counts; the other one is reset by that transition anyway.
        var gap = track.LastTimestamp is { } previous && at - previous > gapLimit;
        var aboveSince = gap && track.OpenAlertId is null ? null : track.AboveSince;
        var belowSince = gap && track.OpenAlertId is not null ? null : track.BelowSince;
        var above = breaches ? aboveSince ?? at : (DateTimeOffset?)null;
        var below = clears ? belowSince ?? at : (DateTimeOffset?)null;
        var next = track with { AboveSince = above, BelowSince = below, LastTimestamp = at };
        if (track.OpenAlertId is null && above is { } a && at - a >= duration)
        {
            return (next, AlertTransition.Raise);
        }

        if (track.OpenAlertId is not null && below is { } b && at - b >= duration)
        {
            return (next, AlertTransition.Resolve);
        }

        return (next, AlertTransition.None);
    }
}
