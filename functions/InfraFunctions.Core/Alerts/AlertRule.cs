namespace InfraFunctions.Core.Alerts;

/// <summary>
/// Raise after the value has stayed at or above the threshold for the duration; resolve after it has stayed below the
/// threshold minus the hysteresis for the duration (README "Health"). Between the two bands nothing changes, so a value
/// oscillating around the threshold raises one alert, not many.
/// </summary>
public static class AlertRule
{
    public static (AlertTrack Track, AlertTransition Transition) Step(
        AlertTrack track, DateTimeOffset at, double value, double threshold, double hysteresis, TimeSpan duration)
    {
        if (track.LastTimestamp is { } last && at <= last)
        {
            return (track, AlertTransition.None); // a retried or out-of-order sample changes nothing
        }

        var above = value >= threshold ? track.AboveSince ?? at : (DateTimeOffset?)null;
        var below = value < threshold - hysteresis ? track.BelowSince ?? at : (DateTimeOffset?)null;
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
