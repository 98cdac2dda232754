namespace InfraFunctions.Core.Realtime;

// Live message shapes (documented in the README, "Live updates"). Both groups use the target metrics.updated; scope tells them apart.

/// <summary><c>metrics.updated</c> to <c>host-{id}</c>: the batch's newest sample with its health, threshold check and the host's status word.</summary>
public sealed record HostMetricsMessage(
    string Scope,
    string HostId,
    string Hostname,
    DateTimeOffset Timestamp,
    double HealthScore,
    string Level,
    ThresholdCheck ThresholdCheck,
    int SamplesInBatch,
    Sample Sample,
    string HostStatus);
