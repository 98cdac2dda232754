namespace InfraFunctions.Core.Alerts;

/// <summary>
/// Where one (host, metric, severity) condition stands: since when it has held or cleared, and its open alert.
/// <see cref="Subject"/> names what a per-item track is about (a unit, a check), which its key may not spell out in full.
/// </summary>
public sealed record AlertTrack(DateTimeOffset? AboveSince, DateTimeOffset? BelowSince, string? OpenAlertId, DateTimeOffset? LastTimestamp, string? Subject = null)
{
    public static readonly AlertTrack Empty = new(null, null, null, null);
}
