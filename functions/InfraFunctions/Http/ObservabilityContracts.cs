using InfraFunctions.Core.Anomalies;
using InfraFunctions.Core.Monitor;
using InfraFunctions.Core.Observability;

namespace InfraFunctions.Http;

/// <summary><c>GET /api/v1/observability/anomalies</c>: anomalies newest first, the baseline each metric used, and the disk forecast.</summary>
public sealed record AnomaliesResponse(
    string Status,
    string HostId,
    string Window,
    string Sensitivity,
    DateTimeOffset From,
    DateTimeOffset To,
    int Count,
    IReadOnlyDictionary<string, string> Baselines,
    IReadOnlyList<Anomaly> Anomalies,
    DiskForecast? DiskForecast,
    string? ForecastAlertId);

/// <summary><c>GET /api/v1/observability/traces</c>; <see cref="Warning"/> carries a Log Analytics PartialError.</summary>
public sealed record TracesResponse(string Status, string Window, int Count, IReadOnlyList<Trace> Traces, string? Warning);

/// <summary>
/// <c>GET /api/v1/observability/metrics</c>: our own service-level metrics, every instance's instrument sums from Azure
/// Monitor (<see cref="Fleet"/>, or <see cref="FleetNote"/> saying why not), and the platform's when configured.
/// </summary>
public sealed record MetricsResponse(
    string Status,
    string Window,
    DateTimeOffset From,
    DateTimeOffset To,
    ServiceMetrics Service,
    IReadOnlyList<PlatformMetric>? Platform,
    string? PlatformNote,
    FleetMetrics? Fleet,
    string? FleetNote);

/// <summary>
/// Computed by InfraFunctions itself. Host counts and alerts come from the tables; the ingest counters, sample rate and
/// write latency are this instance's since <see cref="CountersSince"/>, which <see cref="CountersScope"/> says.
/// </summary>
public sealed record ServiceMetrics(
    string CountersScope,
    double IngestRateSamplesPerSecond,
    double IngestRatePostsPerMinute,
    long AcceptedSamples,
    long RejectedSamples,
    long ThrottledPosts,
    DateTimeOffset CountersSince,
    int TotalHosts,
    int ActiveHosts,
    int StaleHosts,
    IReadOnlyDictionary<string, int> OpenAlertsBySeverity,
    WriteLatency? TableWriteLatencyMs);

public sealed record WriteLatency(double Mean, double P95, double Max, long Writes);

/// <summary>One platform metric of the function app over the window.</summary>
public sealed record PlatformMetric(string Name, string Unit, double? Total, double? Average, IReadOnlyList<MetricPoint> Points);

/// <summary><c>GET /api/v1/observability/health/components</c>.</summary>
public sealed record ComponentsResponse(
    string Status,
    string Overall,
    DateTimeOffset CheckedAt,
    IReadOnlyList<ComponentHealth> Components,
    IReadOnlyList<OutboundClientState>? Clients,
    ThrottleCounters? Counters);
