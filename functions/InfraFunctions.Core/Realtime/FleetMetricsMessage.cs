namespace InfraFunctions.Core.Realtime;

// Live message shapes (documented in the README, "Live updates"). Both groups use the target metrics.updated; scope tells them apart.

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
