using InfraFunctions.Core.Health;
using InfraFunctions.Core.Observability;

namespace InfraFunctions.Handlers;

/// <summary>
/// <c>GET /api/v1/observability/metrics/prometheus</c> (reader): the fleet's latest values for a Prometheus scrape,
/// which carries the token with <c>authorization: { credentials: ... }</c>.
/// </summary>
public sealed class PrometheusHandler(HostRepository hosts, FleetHealth fleetHealth, IOptionsMonitor<IngestOptions> ingest)
{
    public async Task<IActionResult> GetAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        var fleetTask = hosts.ListRecordsAsync(cancellationToken);
        var judge = await fleetHealth.LoadAsync(cancellationToken);
        var fleet = await fleetTask;
        var health = fleet.ToDictionary(h => h.HostId, judge.Of, StringComparer.Ordinal);
        return new TextApiResult(PrometheusExporter.Render(fleet, health, ingest.CurrentValue, judge.Now), PrometheusText.ContentType);
    }
}
