namespace InfraFunctions.Core.Alerts;

/// <summary>
/// Flapping of one track: more than <see cref="AlertOptions.FlapTransitions"/> raises and resolves within
/// <see cref="AlertOptions.FlapWindowMinutes"/>. The track keeps only its transitions of the last window (at most one
/// more than the limit), so its row stays small however long it flaps.
/// </summary>
public static class TrackFlapping
{
    /// <summary>Records a raise or resolve at <paramref name="at"/>; says whether this one made the track start flapping.</summary>
    public static (AlertTrack Track, bool Started) Record(AlertTrack track, DateTimeOffset at, int transitions, TimeSpan window)
    {
        var flips = (track.Flips ?? []).Where(f => f > at - window).Append(at).TakeLast(transitions + 1).ToArray();
        var started = !track.Flapping && flips.Length > transitions;
        return (track with { Flips = flips, Flapping = track.Flapping || started }, started);
    }

    /// <summary>A flapping track with no raise or resolve for a whole window before <paramref name="at"/> settles.</summary>
    public static bool Settles(AlertTrack track, DateTimeOffset at, TimeSpan window) =>
        track.Flapping && (track.Flips is not { Count: > 0 } flips || at - flips[^1] >= window);
}
