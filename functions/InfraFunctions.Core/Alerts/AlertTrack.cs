namespace InfraFunctions.Core.Alerts;

/// <summary>
/// Where one (host, metric, severity) condition stands: since when it has held or cleared, and its open alert.
/// <see cref="Subject"/> names what a per-item track is about (a unit, a check, a rule's metric), which its key may not
/// spell out in full.
/// </summary>
/// <param name="RuleId">The rule a rule's track belongs to, so its alerts resolve when the rule no longer applies.</param>
/// <param name="NoData">The open alert is marked as having no data: its series or its host stopped reporting.</param>
/// <param name="Flips">When it raised or resolved lately, oldest first, at most a flapping window's worth.</param>
/// <param name="Flapping">It raised and resolved too often lately; its notifications are held until it settles.</param>
/// <param name="LastAlertId">Its latest alert, open or resolved, which the settling of a flapping track reports on.</param>
public sealed record AlertTrack(
    DateTimeOffset? AboveSince,
    DateTimeOffset? BelowSince,
    string? OpenAlertId,
    DateTimeOffset? LastTimestamp,
    string? Subject = null,
    string? RuleId = null,
    bool NoData = false,
    IReadOnlyList<DateTimeOffset>? Flips = null,
    bool Flapping = false,
    string? LastAlertId = null)
{
    public static readonly AlertTrack Empty = new(null, null, null, null);

    /// <summary>
    /// A clock is running towards the next transition: held but not yet raised, or cleared but not yet resolved. Only
    /// then does the time of the last sample matter (a gap restarts that clock), so only then is it kept up to date.
    /// </summary>
    public bool Pending => OpenAlertId is null ? AboveSince is not null : BelowSince is not null;

    /// <summary>Nothing held, cleared, open, marked or remembered: such a track need not be stored at all.</summary>
    public bool Idle => AboveSince is null && BelowSince is null && OpenAlertId is null && !NoData && !Flapping && LastAlertId is null && Flips is not { Count: > 0 };

    /// <summary>Equal in everything that is stored; <see cref="Flips"/> compares by content.</summary>
    public bool SameStateAs(AlertTrack other) =>
        AboveSince == other.AboveSince && BelowSince == other.BelowSince && OpenAlertId == other.OpenAlertId && Subject == other.Subject
        && RuleId == other.RuleId && NoData == other.NoData && Flapping == other.Flapping && LastAlertId == other.LastAlertId
        && (Flips ?? []).SequenceEqual(other.Flips ?? []);
}
