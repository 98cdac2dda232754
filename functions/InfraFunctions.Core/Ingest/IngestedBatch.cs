using InfraFunctions.Contracts;
using InfraFunctions.Core.Health;

namespace InfraFunctions.Core.Ingest;

/// <summary>A sample that passed validation and was stored, with its threshold check, health score and posted JSON.</summary>
public sealed record AcceptedSample(Sample Sample, ThresholdCheck Check, double HealthScore, string? Json = null);

/// <summary>
/// What one post stored, and the host's thresholds its samples were checked against: handed to every
/// <see cref="IIngestSubscriber"/>, so alerting judges the samples by the same levels as their checks.
/// </summary>
public sealed record IngestedBatch(string HostId, PlatformInfo Platform, IReadOnlyList<AcceptedSample> Samples, ThresholdSet Thresholds)
{
    public AcceptedSample Latest => Samples.MaxBy(s => s.Sample.Timestamp)!;
}

/// <summary>
/// A reaction to stored samples: alert evaluation, live publishing, webhooks. Subscribers run after the samples
/// are written; a failing subscriber is logged and never fails ingest.
/// </summary>
public interface IIngestSubscriber
{
    Task OnIngestedAsync(IngestedBatch batch, CancellationToken cancellationToken = default);
}

/// <summary>Decides the <c>next_post_seconds</c> an agent is told: shorter while someone watches the host live.</summary>
public interface IPostIntervalAdvisor
{
    Task<int> NextPostSecondsAsync(string hostId, CancellationToken cancellationToken = default);
}
