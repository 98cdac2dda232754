using System.ComponentModel.DataAnnotations;

namespace InfraFunctions.Core.Options;

/// <summary>When threshold alerts raise and resolve (README "Health"). App settings: <c>Alerts__DurationSeconds</c> and so on.</summary>
public sealed class AlertOptions
{
    public const string SectionName = "Alerts";

    /// <summary>A condition must hold this long before it raises, and its clearing this long before it resolves.</summary>
    [Range(0, 86_400)] public int DurationSeconds { get; set; } = 60;

    /// <summary>An alert clears only below its threshold minus this many points.</summary>
    [Range(0, 50)] public double HysteresisPoints { get; set; } = 5;

    /// <summary>A service check must stay down this long before its alert raises; it resolves on the first result up.</summary>
    [Range(0, 86_400)] public int CheckDownSeconds { get; set; } = 60;

    /// <summary>A checked TLS certificate with fewer days left than this raises a warning.</summary>
    [Range(1, 365)] public int CertificateWarningDays { get; set; } = 14;

    /// <summary>Fewer days left than this, or expired, raises a critical alert; below <see cref="CertificateWarningDays"/>.</summary>
    [Range(0, 365)] public int CertificateCriticalDays { get; set; } = 3;

    /// <summary>A rule's track with more raises and resolves than this within <see cref="FlapWindowMinutes"/> is flapping.</summary>
    [Range(1, 100)] public int FlapTransitions { get; set; } = 6;

    /// <summary>The window flapping is counted in; a flapping track settles after a whole window without a raise or resolve.</summary>
    [Range(1, 1440)] public int FlapWindowMinutes { get; set; } = 30;
}
