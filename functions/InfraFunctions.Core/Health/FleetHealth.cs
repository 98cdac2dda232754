using InfraFunctions.Core.Alerts;

namespace InfraFunctions.Core.Health;

/// <summary>
/// Reads what the whole fleet is judged by at one moment (every host's overrides, the hosts an open critical alert
/// keeps critical, the staleness setting), so the fleet list and the Prometheus export judge each host alike.
/// </summary>
public sealed class FleetHealth(AlertRepository alerts, HostThresholds thresholds, IOptionsMonitor<IngestOptions> ingest, TimeProvider time)
{
    public async Task<FleetJudge> LoadAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var openTask = alerts.ListAsync(null, AlertStates.Open, null, cancellationToken);
        var overrides = await thresholds.AllAsync(cancellationToken);
        var critical = HostStatus.CriticalAlertHosts(await openTask);
        return new FleetJudge(thresholds, overrides, critical, new Staleness(ingest.CurrentValue), now);
    }
}
