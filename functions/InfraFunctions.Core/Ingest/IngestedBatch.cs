namespace InfraFunctions.Core.Ingest;

/// <summary>
/// What one post stored, and the host's thresholds its samples were checked against: handed to every
/// <see cref="IIngestSubscriber"/>, so alerting judges the samples by the same levels as their checks.
/// </summary>
public sealed record IngestedBatch(string HostId, PlatformInfo Platform, IReadOnlyList<AcceptedSample> Samples, ThresholdSet Thresholds)
{
    public AcceptedSample Latest => Samples.MaxBy(s => s.Sample.Timestamp)!;
}
