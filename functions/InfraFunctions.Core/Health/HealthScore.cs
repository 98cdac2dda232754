namespace InfraFunctions.Core.Health;

/// <summary>The 0-100 health score and its four levels (README "Health").</summary>
public static class HealthScore
{
    public const string Healthy = StatusWords.Healthy;
    public const string Degraded = StatusWords.Degraded;
    public const string Warning = StatusWords.Warning;
    public const string Critical = StatusWords.Critical;

    /// <summary>100 - cpu*0.30 - memory*0.30 - disk*0.20 - 5*warnings - 15*critical, clamped to 0-100, one decimal.</summary>
    public static double Compute(double cpuPercent, double memoryPercent, double diskPercent, int warnings, int critical)
    {
        var score = 100.0
            - (cpuPercent * 0.30)
            - (memoryPercent * 0.30)
            - (diskPercent * 0.20)
            - (5.0 * warnings)
            - (15.0 * critical);
        return Math.Round(Math.Clamp(score, 0, 100), 1, MidpointRounding.AwayFromZero);
    }

    public static double Compute(double cpuPercent, double memoryPercent, double diskPercent, ThresholdCheck check) =>
        Compute(cpuPercent, memoryPercent, diskPercent, check.Warnings.Count, check.Critical.Count);

    /// <summary>90-100 healthy, 70-89 degraded, 50-69 warning, 0-49 critical.</summary>
    public static string Level(double score) => score switch
    {
        >= 90 => Healthy,
        >= 70 => Degraded,
        >= 50 => Warning,
        _ => Critical,
    };
}
