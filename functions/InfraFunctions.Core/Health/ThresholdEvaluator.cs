namespace InfraFunctions.Core.Health;

/// <summary>Checks CPU, memory and disk against warning and critical levels, with one message per breach.</summary>
public static class ThresholdEvaluator
{
    public static ThresholdCheck Evaluate(double cpuPercent, double memoryPercent, double diskPercent, ThresholdSet thresholds)
    {
        var warnings = new List<string>(3);
        var critical = new List<string>(3);
        Check("CPU", cpuPercent, thresholds.CpuWarning, thresholds.CpuCritical, warnings, critical);
        Check("Memory", memoryPercent, thresholds.MemoryWarning, thresholds.MemoryCritical, warnings, critical);
        Check("Disk", diskPercent, thresholds.DiskWarning, thresholds.DiskCritical, warnings, critical);

        var status = critical.Count > 0 ? ThresholdStatus.Critical
            : warnings.Count > 0 ? ThresholdStatus.Degraded
            : ThresholdStatus.Healthy;
        return new ThresholdCheck(status, warnings, critical, thresholds);
    }

    private static void Check(string name, double value, double warning, double criticalLevel, List<string> warnings, List<string> critical)
    {
        if (value >= criticalLevel)
        {
            critical.Add(HealthMessages.UsageAt(name, Severity.Critical, value));
        }
        else if (value >= warning)
        {
            warnings.Add(HealthMessages.UsageAt(name, Severity.Warning, value));
        }
    }
}
