namespace InfraFunctions.Core.Health;

/// <summary>
/// A host's latest values judged: the threshold check, the health score and its level, whether the host has gone
/// quiet, and the host's status word. Ingest, every host view, the fleet list and the Prometheus export judge here.
/// </summary>
public sealed record HostHealth(ThresholdCheck Check, double Score, string Level, string Status, bool Stale)
{
    /// <summary>Thresholds, then the score from the values and the breaches, then its level, then the status word.</summary>
    public static HostHealth Judge(double cpuPercent, double memoryPercent, double diskPercent, ThresholdSet thresholds, bool criticalAlertOpen, bool stale)
    {
        var check = ThresholdEvaluator.Evaluate(cpuPercent, memoryPercent, diskPercent, thresholds);
        var score = HealthScore.Compute(cpuPercent, memoryPercent, diskPercent, check);
        return new HostHealth(check, score, HealthScore.Level(score), HostStatus.Of(check, criticalAlertOpen, stale), stale);
    }

    /// <summary>A sample as it arrives at ingest, before any alert about it or any silence.</summary>
    public static HostHealth Of(Sample sample, ThresholdSet thresholds) =>
        Judge(sample.Cpu.Percent, sample.Memory.Percent, sample.Disk.Percent, thresholds, criticalAlertOpen: false, stale: false);

    /// <summary>A host by its stored row and latest sample.</summary>
    public static HostHealth Of(HostRecord host, ThresholdSet thresholds, Staleness staleness, DateTimeOffset now, bool criticalAlertOpen) =>
        Judge(host.Latest.Cpu.Percent, host.Latest.Memory.Percent, host.Latest.Disk.Percent, thresholds, criticalAlertOpen,
            staleness.IsStale(host.LastSeen, host.IntervalSeconds, now));

    /// <summary>A host by the columns of its row the fleet list reads.</summary>
    public static HostHealth Of(HostSummaryRow row, ThresholdSet thresholds, Staleness staleness, DateTimeOffset now, bool criticalAlertOpen) =>
        Judge(row.CpuPercent, row.MemoryPercent, row.DiskPercent, thresholds, criticalAlertOpen,
            staleness.IsStale(row.LastSeen, row.IntervalSeconds, now));
}
