namespace InfraFunctions.Core.Alerts;

/// <summary>Where one (host, metric, severity) condition stands: since when it has held or cleared, and its open alert.</summary>
public sealed record AlertTrack(DateTimeOffset? AboveSince, DateTimeOffset? BelowSince, string? OpenAlertId, DateTimeOffset? LastTimestamp)
{
    public static readonly AlertTrack Empty = new(null, null, null, null);
}
