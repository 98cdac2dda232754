namespace InfraFunctions.Core.Health;

/// <summary>The status of a threshold check: critical when any value reaches its critical level, degraded when any reaches its warning.</summary>
public static class ThresholdStatus
{
    public const string Healthy = StatusWords.Healthy;
    public const string Degraded = StatusWords.Degraded;
    public const string Critical = StatusWords.Critical;
}
