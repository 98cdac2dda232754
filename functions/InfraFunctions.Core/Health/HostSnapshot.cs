using InfraFunctions.Core.Options;
using InfraFunctions.Core.Storage;

namespace InfraFunctions.Core.Health;

/// <summary>
/// A host's latest sample judged against the thresholds in force now, whether the host has gone quiet, and the
/// status word that follows (<see cref="HostStatus"/>).
/// </summary>
public sealed record HostSnapshot(HostRecord Host, ThresholdCheck Check, double HealthScore, string Level, bool Stale, string Status)
{
    public static HostSnapshot Of(HostRecord host, ThresholdOptions thresholds, Staleness staleness, DateTimeOffset now, bool criticalAlertOpen)
    {
        var s = host.Latest;
        var stale = staleness.IsStale(host.LastSeen, host.IntervalSeconds, now);
        var health = HostHealth.Judge(s.Cpu.Percent, s.Memory.Percent, s.Disk.Percent, thresholds, criticalAlertOpen, stale);
        return new HostSnapshot(host, health.Check, health.Score, health.Level, stale, health.Status);
    }
}
