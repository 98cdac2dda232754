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
}
