namespace InfraFunctions.Core.Health;

/// <summary>The fleet's judgement as <see cref="FleetHealth"/> read it, applied host by host through <see cref="HostHealth"/>.</summary>
public sealed class FleetJudge(
    HostThresholds thresholds, IReadOnlyDictionary<string, ThresholdOverrides> overrides, HashSet<string> criticalAlertHosts, Staleness staleness, DateTimeOffset now)
{
    /// <summary>The moment every host is judged at.</summary>
    public DateTimeOffset Now => now;

    public HostHealth Of(HostRecord host) => HostHealth.Of(host, InForce(host.HostId), staleness, now, criticalAlertHosts.Contains(host.HostId));

    public HostHealth Of(HostSummaryRow row) => HostHealth.Of(row, InForce(row.HostId), staleness, now, criticalAlertHosts.Contains(row.HostId));

    private ThresholdSet InForce(string hostId) => thresholds.InForce(overrides.GetValueOrDefault(hostId));
}
