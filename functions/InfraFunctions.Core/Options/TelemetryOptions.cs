using System.ComponentModel.DataAnnotations;

namespace InfraFunctions.Core.Options;

/// <summary>
/// How much of the app's own tracing is kept (README "Telemetry"). Ingest runs every few seconds per host, so only a
/// share of its successful traces is exported; failed ones, and every other function's, are always kept.
/// </summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>Share of successful ingest invocations whose traces are exported: 1 keeps all, 0 keeps only failures.</summary>
    [Range(0.0, 1.0)] public double IngestSamplingRatio { get; set; } = 0.01;
}
