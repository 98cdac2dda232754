using System.ComponentModel.DataAnnotations;

namespace InfraFunctions.Core.Options;

/// <summary>Hourly and daily rollups (README "Data"). App settings: <c>Aggregation__LateSampleLookbackHours</c>.</summary>
public sealed class AggregationOptions
{
    public const string SectionName = "Aggregation";

    /// <summary>A sample arriving after its hour or day was rolled up recomputes it, unless it is older than this.</summary>
    [Range(1, 720)] public int LateSampleLookbackHours { get; set; } = 48;
}
