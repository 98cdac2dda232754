namespace InfraFunctions.Core.Ingest;

/// <summary>
/// What one post stored, and the host's thresholds its samples were checked against: handed to every
/// <see cref="IIngestSubscriber"/>, so alerting judges the samples by the same levels as their checks.
/// <paramref name="SampleIntervalSeconds"/> is how often the agent samples (0 when unknown), which tells a gap in the data from its cadence.
/// </summary>
public sealed record IngestedBatch(string HostId, PlatformInfo Platform, IReadOnlyList<AcceptedSample> Samples, ThresholdSet Thresholds, double SampleIntervalSeconds = 0)
{
    public AcceptedSample Latest => Samples.MaxBy(s => s.Sample.Timestamp)!;
}
