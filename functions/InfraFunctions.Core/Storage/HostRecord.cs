namespace InfraFunctions.Core.Storage;

/// <summary>
/// A host's row in <c>hosts</c>: identity, platform, when it was seen, its latest sample, and the agent settings in
/// force it last reported (with when, or why the report was dropped).
/// </summary>
public sealed record HostRecord(
    string HostId,
    PlatformInfo Platform,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    int IntervalSeconds,
    double SampleIntervalSeconds,
    long DroppedSamplesTotal,
    Sample Latest,
    IReadOnlyList<SettingInForce>? SettingsInForce = null,
    DateTimeOffset? SettingsReportedAt = null,
    string? SettingsProblem = null);
