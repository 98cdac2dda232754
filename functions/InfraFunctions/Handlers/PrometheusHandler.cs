using InfraFunctions.Core.Alerts;
using InfraFunctions.Core.Health;
using InfraFunctions.Core.Observability;

namespace InfraFunctions.Handlers;

/// <summary>
/// <c>GET /api/v1/observability/metrics/prometheus</c> (reader): the fleet's latest values for a Prometheus scrape,
/// which carries the token with <c>authorization: { credentials: ... }</c>.
/// </summary>
public sealed class PrometheusHandler(HostRepository hosts, AlertRepository alerts, HostThresholds thresholds, IOptionsMonitor<IngestOptions> ingest, TimeProvider time)
{
    public async Task<IActionResult> GetAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var fleetTask = hosts.ListRecordsAsync(cancellationToken);
        var openTask = alerts.ListAsync(null, AlertStates.Open, null, cancellationToken);
        var overrides = await thresholds.AllAsync(cancellationToken);
        var fleet = await fleetTask;
        var critical = HostStatus.CriticalAlertHosts(await openTask);
        var staleness = new Staleness(ingest.CurrentValue);
        var health = fleet.ToDictionary(
            h => h.HostId,
            h => HostHealth.Of(h, thresholds.InForce(overrides.GetValueOrDefault(h.HostId)), staleness, now, critical.Contains(h.HostId)),
            StringComparer.Ordinal);
        return new TextApiResult(PrometheusExporter.Render(fleet, health, ingest.CurrentValue, now), PrometheusText.ContentType);
    }
}
