using System.ComponentModel.DataAnnotations;

namespace InfraFunctions.Core.Options;

/// <summary>Ingest limits and the agents' reporting cadence.</summary>
public sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    /// <summary>The interval told to agents of hosts nobody watches live.</summary>
    [Range(2, 3600)] public int PostIntervalSeconds { get; set; } = 60;

    /// <summary>Largest accepted body after decompression.</summary>
    [Range(1024, 16 * 1024 * 1024)] public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How far ahead of the server's clock a sample may be.</summary>
    [Range(0, 60)] public int MaxFutureSkewMinutes { get; set; } = 5;

    /// <summary>A host silent for this many reporting intervals is stale (shown as down).</summary>
    [Range(1, 100)] public int StaleAfterIntervals { get; set; } = 3;
}
