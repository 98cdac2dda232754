using InfraFunctions.Core.Options;

namespace InfraFunctions.Core.Health;

/// <summary>A host's latest values judged: the threshold check, the health score and its level, and the host's status word.</summary>
public sealed record HostHealth(ThresholdCheck Check, double Score, string Level, string Status)
{
    public static HostHealth Judge(double cpuPercent, double memoryPercent, double diskPercent, ThresholdOptions thresholds, bool criticalAlertOpen, bool stale)
    {
        var check = ThresholdEvaluator.Evaluate(cpuPercent, memoryPercent, diskPercent, thresholds);
        var score = HealthScore.Compute(cpuPercent, memoryPercent, diskPercent, check);
        return new HostHealth(check, score, HealthScore.Level(score), HostStatus.Of(check, criticalAlertOpen, stale));
    }
}
