namespace InfraFunctions.Core.Silences;

/// <summary>
/// A silence or maintenance window, as stored in the <c>silences</c> table. One-off: held from <see cref="StartsAt"/>
/// to <see cref="EndsAt"/>. Recurring (<see cref="Cron"/> set): a window of <see cref="DurationMinutes"/> starts at each
/// of the cron's times, read as wall-clock times in <see cref="TimeZone"/>; only windows between <see cref="StartsAt"/>
/// and <see cref="EndsAt"/> (when set) count, cut to them.
/// </summary>
public sealed record Silence(
    string Id,
    SilenceMatchers Matchers,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt,
    string? Cron,
    int? DurationMinutes,
    string? TimeZone,
    string Comment,
    string CreatedBy,
    DateTimeOffset CreatedAt)
{
    public bool IsRecurring => Cron is not null;

    /// <summary>The window holding alerts at <paramref name="at"/>, if one does.</summary>
    public SilenceWindow? CurrentWindow(DateTimeOffset at) => SilenceSchedule.CurrentWindow(this, at);

    /// <summary>The first window that starts after <paramref name="at"/>, if there is one.</summary>
    public SilenceWindow? NextWindow(DateTimeOffset at) => SilenceSchedule.NextWindow(this, at);

    public bool IsActive(DateTimeOffset at) => CurrentWindow(at) is not null;

    /// <summary>Whether no window starts at or after <paramref name="at"/> and none holds alerts then: it can be forgotten.</summary>
    public bool IsOver(DateTimeOffset at) => EndsAt is { } end && end <= at;
}
