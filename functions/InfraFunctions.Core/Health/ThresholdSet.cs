namespace InfraFunctions.Core.Health;

/// <summary>
/// The warning and critical levels in force for a host, in percent: the app-wide defaults with the host's overrides
/// applied (<see cref="HostThresholds"/>). Hosts are judged by this, and the API shows it as is (<c>cpu_warning</c> and so on).
/// </summary>
public sealed record ThresholdSet(
    double CpuWarning,
    double CpuCritical,
    double MemoryWarning,
    double MemoryCritical,
    double DiskWarning,
    double DiskCritical)
{
    /// <summary>The app-wide defaults, as configured by the <c>Thresholds__*</c> settings.</summary>
    public static ThresholdSet From(ThresholdOptions options) =>
        new(options.CpuWarning, options.CpuCritical, options.MemoryWarning, options.MemoryCritical, options.DiskWarning, options.DiskCritical);
}
