using System.ComponentModel.DataAnnotations;

namespace InfraFunctions.Core.Options;

/// <summary>How long each tier is kept, in days (README "Data"). A policy under one day is refused at start.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    [Range(1, 3650)] public int RawDays { get; set; } = 30;
    [Range(1, 3650)] public int HourlyDays { get; set; } = 90;
    [Range(1, 36500)] public int DailyDays { get; set; } = 365;
}
