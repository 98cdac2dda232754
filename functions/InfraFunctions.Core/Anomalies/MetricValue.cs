namespace InfraFunctions.Core.Anomalies;

/// <summary>One value of a metric series at a time.</summary>
public readonly record struct MetricValue(DateTimeOffset Timestamp, double Value);
