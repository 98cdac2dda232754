using InfraFunctions.Contracts;
using InfraFunctions.Core.Health;

namespace InfraFunctions.Core.Realtime;

// Live message shapes (documented in the README, "Live updates"). Both groups use the target metrics.updated; scope tells them apart.

/// <summary>Names shared by the server and the dashboard.</summary>
public static class RealtimeNames
{
    public const string MetricsUpdated = "metrics.updated";
    public const string AlertUpdated = "alert.updated";
    public const string FleetGroup = "observability-metrics";

    public static string HostGroup(string hostId) => $"host-{hostId}";

    /// <summary>A group holding only this connection: how the server asks the service whose connection it is.</summary>
    public static string ConnectionGroup(string connectionId) => $"connection-{connectionId}";
}

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

/// <summary><c>metrics.updated</c> to <c>observability-metrics</c>: one fleet row, the fields of GET /hosts that a post changes.</summary>
public sealed record FleetMetricsMessage(
    string Scope,
    string HostId,
    string Hostname,
    string Os,
    DateTimeOffset Timestamp,
    string Status,
    double HealthScore,
    string Level,
    double CpuPercent,
    double MemoryPercent,
    double DiskPercent);
