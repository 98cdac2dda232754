using System.Text.Json.Serialization;
using InfraFunctions.Core.Aggregation;
using InfraFunctions.Core.Health;

namespace InfraFunctions.Http;

// Response shapes of the infrastructure API. README "API reference" shows an example of each.

public sealed record SystemResponse(
    string Status,
    string Host,
    DateTimeOffset Timestamp,
    CpuMetrics Cpu,
    MemoryMetrics Memory,
    DiskMetrics Disk,
    NetworkMetrics Network,
    IReadOnlyList<DiskMount> Disks,
    IReadOnlyList<ContainerInfo> Containers,
    IReadOnlyList<Temperature> Temperatures,
    IReadOnlyList<SystemdUnit> SystemdUnits,
    IReadOnlyList<CheckResult> Checks,
    IReadOnlyList<CustomMetric> CustomMetrics,
    IReadOnlyList<CollectorError> CollectorErrors,
    long DroppedCustomMetrics,
    IReadOnlyList<SettingInForce> SettingsInForce);

public sealed record ProcessResponse(string Status, string Host, DateTimeOffset Timestamp, int Count, IReadOnlyList<ProcessInfo> Processes);

public sealed record PlatformView(
    string System,
    string Release,
    string Hostname,
    string RuntimeVersion,
    string Os,
    string Architecture,
    DateTimeOffset BootTime,
    string AgentVersion);

public sealed record PlatformResponse(string Status, string Host, PlatformView Platform, DateTimeOffset FirstSeen, DateTimeOffset LastSeen);

/// <summary>The health data (<c>status</c> is the threshold status), with the score's <c>level</c> and the host's own status word.</summary>
public sealed record HealthData(
    string Status,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Critical,
    ThresholdSet Thresholds,
    double HealthScore,
    string Level,
    string Host,
    bool Stale,
    DateTimeOffset Timestamp,
    string HostStatus);

public sealed record HealthResponse(string Status, HealthData Data);

public sealed record SystemBlock(CpuMetrics Cpu, MemoryMetrics Memory, DiskMetrics Disk, NetworkMetrics Network);

/// <summary>The report's <c>process</c> block: the busiest process.</summary>
public sealed record ReportProcess(int Pid, string Name, double CpuPercent, double MemoryMb, int Threads, int FileDescriptors);

/// <summary>The full host report, with the score's <c>level</c> and the host's status word (<c>host_status</c>) beside it.</summary>
public sealed record ReportResponse(
    string Status,
    DateTimeOffset Timestamp,
    string Host,
    PlatformView Platform,
    SystemBlock System,
    ReportProcess? Process,
    IReadOnlyList<ProcessInfo> TopProcesses,
    ThresholdCheck ThresholdCheck,
    double HealthScore,
    string Level,
    bool Stale,
    string HostStatus);

public sealed record SummaryResponse(
    string Status,
    string Host,
    string Window,
    string Resolution,
    DateTimeOffset From,
    DateTimeOffset To,
    int SampleCount,
    IReadOnlyDictionary<string, MetricStats> Metrics,
    IReadOnlyList<SummaryPoint> Series);

/// <summary>A fleet row: <c>status</c> is the host's status word, <c>level</c> the health score's level, <c>threshold_status</c> the threshold check's, <c>tags</c> the host's tags in effect.</summary>
public sealed record HostView(
    string HostId,
    string Hostname,
    string Os,
    string Status,
    double HealthScore,
    string Level,
    double CpuPercent,
    double MemoryPercent,
    double DiskPercent,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    DateTimeOffset LatestTimestamp,
    int IntervalSeconds,
    bool Stale,
    ThresholdSet Thresholds,
    string ThresholdStatus,
    string AgentVersion,
    bool AgentOutdated,
    IReadOnlyDictionary<string, string> Tags);

/// <summary>
/// A page of the fleet, with the deployment's own <c>agent_version</c>: hosts whose agent is older are <c>agent_outdated</c>.
/// <c>count</c> is the hosts in this reply; <c>next_page_token</c> asks for the next page, and is null on the last.
/// </summary>
public sealed record HostsResponse(
    string Status,
    int Count,
    IReadOnlyList<HostView> Hosts,
    string AgentVersion,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? NextPageToken);

/// <summary>A host's custom series over a window: every name it reported with its series count, and the chosen series (at most 50; <c>truncated</c> when more matched).</summary>
public sealed record CustomSeriesResponse(
    string Status,
    string HostId,
    string Window,
    string Resolution,
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<CustomName> Names,
    IReadOnlyList<CustomSeries> Series,
    bool Truncated);
