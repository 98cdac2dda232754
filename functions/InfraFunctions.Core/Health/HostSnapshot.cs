namespace InfraFunctions.Core.Health;

/// <summary>
/// A host's latest sample judged against the thresholds in force now, whether the host has gone quiet, and the
/// status word that follows (<see cref="HostHealth"/>).
/// </summary>
public sealed record HostSnapshot(HostRecord Host, ThresholdCheck Check, double HealthScore, string Level, bool Stale, string Status)
{
    public static HostSnapshot Of(HostRecord host, ThresholdSet thresholds, Staleness staleness, DateTimeOffset now, bool criticalAlertOpen)
    {
        var health = HostHealth.Of(host, thresholds, staleness, now, criticalAlertOpen);
        return new HostSnapshot(host, health.Check, health.Score, health.Level, health.Stale, health.Status);
    }
}
