namespace InfraFunctions.Core.Aggregation;

/// <summary>One metric over a summary's window: average, lowest, highest and the latest value.</summary>
public sealed record MetricStats(double Avg, double Min, double Max, double Last);
