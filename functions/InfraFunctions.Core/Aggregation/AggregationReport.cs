namespace InfraFunctions.Core.Aggregation;

/// <summary>What one aggregation run did.</summary>
public sealed record AggregationReport(
    string Job,
    DateTimeOffset RanAt,
    DateTimeOffset? WatermarkBefore,
    DateTimeOffset WatermarkAfter,
    int BucketsRolledUp,
    int LateBucketsRecomputed,
    int RowsWritten,
    long SamplesRead);
