using System.ComponentModel.DataAnnotations;

namespace InfraFunctions.Core.Options;

/// <summary>
/// The app-wide default warning and critical levels in percent (README "Health"), bound from <c>Thresholds__CpuWarning</c>
/// and so on. Configuration only: what a host is judged by is its <see cref="Health.ThresholdSet"/>.
/// </summary>
public sealed class ThresholdOptions
{
    public const string SectionName = "Thresholds";

    [Range(0, 100)] public double CpuWarning { get; set; } = 70;
    [Range(0, 100)] public double CpuCritical { get; set; } = 90;
    [Range(0, 100)] public double MemoryWarning { get; set; } = 75;
    [Range(0, 100)] public double MemoryCritical { get; set; } = 90;
    [Range(0, 100)] public double DiskWarning { get; set; } = 80;
    [Range(0, 100)] public double DiskCritical { get; set; } = 95;
}
