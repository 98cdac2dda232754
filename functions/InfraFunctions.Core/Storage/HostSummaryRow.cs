namespace InfraFunctions.Core.Storage;

/// <summary>The columns of a host row the fleet view needs, without the JSON.</summary>
public sealed record HostSummaryRow(
    string HostId,
    string Hostname,
    string Os,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    DateTimeOffset LatestTimestamp,
    int IntervalSeconds,
    double CpuPercent,
    double MemoryPercent,
    double DiskPercent,
    string AgentVersion = "");
