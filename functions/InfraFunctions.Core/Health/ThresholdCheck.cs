namespace InfraFunctions.Core.Health;

/// <summary>The <c>threshold_check</c> block: status word, messages, and the thresholds applied.</summary>
public sealed record ThresholdCheck(
    string Status,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Critical,
    ThresholdSet Thresholds);

/// <summary>The thresholds in force, in the API's snake_case shape.</summary>
public sealed record ThresholdSet(
    double CpuWarning,
    double CpuCritical,
    double MemoryWarning,
    double MemoryCritical,
    double DiskWarning,
    double DiskCritical);

public static class ThresholdStatus
{
    public const string Healthy = StatusWords.Healthy;
    public const string Degraded = StatusWords.Degraded;
    public const string Critical = StatusWords.Critical;
}
