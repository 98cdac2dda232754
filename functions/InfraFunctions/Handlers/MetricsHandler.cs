using InfraFunctions.Core.Aggregation;
using InfraFunctions.Core.Alerts;
using InfraFunctions.Core.Health;
using InfraFunctions.Core.Ingest;
using InfraFunctions.Core.Monitor;

namespace InfraFunctions.Handlers;

/// <summary>
/// <c>GET /api/v1/observability/metrics?window=</c>: service-level metrics from our tables and this instance's counters,
/// every instance's sums from Azure Monitor, and platform metrics, the last two when configured.
/// </summary>
public sealed class MetricsHandler(
    HostRepository hosts,
    AlertRepository alerts,
    IngestCounters counters,
    FleetMetricsReader fleet,
    MonitorClients monitor,
    IOptionsMonitor<MonitorOptions> monitorOptions,
    IOptionsMonitor<IngestOptions> ingest,
    TimeProvider time,
    ILogger<MetricsHandler> logger)
{
    /// <summary>
    /// Function app platform metrics: Flex Consumption executions, 5xx responses, and response time (seconds). The
    /// first is listed for Flex Consumption in the Azure Functions monitoring data reference (monitor-functions-reference);
    /// the other two are Microsoft.Web/sites metrics of every plan.
    /// </summary>
    public static readonly IReadOnlyList<string> PlatformMetricNames = ["OnDemandFunctionExecutionCount", "Http5xx", "HttpResponseTime"];

    /// <summary>The in-process counters cover only the instance that answers, one of up to maximumInstanceCount.</summary>
    public const string ThisInstance = "this_instance";

    public async Task<IActionResult> GetAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        string? windowName = request.Query["window"];
        if (!TimeWindows.Observability.TryParse(windowName, out var window, out var span))
        {
            return ApiResults.InvalidWindow(windowName, TimeWindows.Observability.Names);
        }

        var now = time.GetUtcNow();
        var platformTask = PlatformAsync(now - span, now, span, cancellationToken);
        var fleetTask = fleet.ReadAsync(span, cancellationToken);
        var service = await ServiceAsync(now, cancellationToken);
        var (platform, note) = await platformTask;
        var (fleetMetrics, fleetNote) = await fleetTask;
        return ApiResults.Ok(
            new MetricsResponse("success", window, now - span, now, service, platform, note, fleetMetrics, fleetNote),
            ApiJsonContext.Default.MetricsResponse);
    }

    private async Task<ServiceMetrics> ServiceAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var fleetTask = hosts.ListAsync(cancellationToken);
        var openTask = alerts.ListAsync(null, AlertStates.Open, null, cancellationToken);
        var fleet = await fleetTask;
        var open = await openTask;
        var staleness = new Staleness(ingest.CurrentValue);
        var active = fleet.Where(h => !staleness.IsStale(h.LastSeen, h.IntervalSeconds, now)).ToArray();
        var elapsed = Math.Max(1, (now - counters.Since).TotalSeconds);
        var latency = counters.WriteLatency() is { } l ? new WriteLatency(l.Mean, l.P95, l.Max, l.Writes) : null;
        return new ServiceMetrics(
            ThisInstance,
            Math.Round(counters.Accepted / elapsed, 3),
            Math.Round(active.Sum(h => 60.0 / Math.Max(1, h.IntervalSeconds)), 2),
            counters.Accepted,
            counters.Rejected,
            counters.Throttled,
            counters.Since,
            fleet.Count,
            active.Length,
            fleet.Count - active.Length,
            Severity.All.ToDictionary(s => s, s => open.Count(a => a.Severity == s)),
            latency);
    }

    private async Task<(IReadOnlyList<PlatformMetric>? Metrics, string? Note)> PlatformAsync(DateTimeOffset from, DateTimeOffset to, TimeSpan span, CancellationToken cancellationToken)
    {
        var resourceId = monitorOptions.CurrentValue.FunctionAppResourceId;
        if (string.IsNullOrWhiteSpace(resourceId))
        {
            return (null, $"Platform metrics are off: set {MonitorOptions.SectionName}__{nameof(MonitorOptions.FunctionAppResourceId)} (the Bicep does in Azure).");
        }

        // Intervals the Metrics API supports, keeping each answer to a few hundred points.
        var interval = span <= TimeSpan.FromHours(1) ? TimeSpan.FromMinutes(1)
            : span <= TimeSpan.FromHours(6) ? TimeSpan.FromMinutes(5)
            : span <= TimeSpan.FromHours(24) ? TimeSpan.FromMinutes(15)
            : span <= TimeSpan.FromDays(7) ? TimeSpan.FromHours(1)
            : TimeSpan.FromHours(6);
        try
        {
            var series = await monitor.Metrics.QueryAsync(resourceId, PlatformMetricNames, from, to, interval, "Total,Average", cancellationToken);
            return (series.Select(s => new PlatformMetric(s.Name, s.Unit,
                s.Data.Any(p => p.Total is not null) ? s.Data.Sum(p => p.Total ?? 0) : null,
                s.Data.Any(p => p.Average is not null) ? Math.Round(s.Data.Where(p => p.Average is not null).Average(p => p.Average!.Value), 4) : null,
                s.Data)).ToArray(), null);
        }
        catch (Exception ex) when (ex is MonitorServiceException or Azure.RequestFailedException)
        {
            // Our own metrics still answer; the platform part says why it is missing.
            logger.LogWarning(ex, "Platform metrics query failed");
            return (null, $"Platform metrics are unavailable: {ex.Message}");
        }
    }
}
