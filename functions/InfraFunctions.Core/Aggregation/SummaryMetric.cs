namespace InfraFunctions.Core.Aggregation;

/// <summary>
/// One metric of a host summary: its key in a summary's <c>metrics</c>, how it is read from a raw sample row, and
/// its name in rollups (the raw table's column).
/// </summary>
public sealed record SummaryMetric(string SummaryKey, string Rollup, Func<SampleRow, double> Read);
