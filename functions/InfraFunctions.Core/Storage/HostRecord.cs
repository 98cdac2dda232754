namespace InfraFunctions.Core.Storage;

/// <summary>A host's row in <c>hosts</c>: identity, platform, when it was seen, and its latest sample.</summary>
public sealed record HostRecord(
    string HostId,
    PlatformInfo Platform,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    int IntervalSeconds,
    double SampleIntervalSeconds,
    long DroppedSamplesTotal,
    Sample Latest);
