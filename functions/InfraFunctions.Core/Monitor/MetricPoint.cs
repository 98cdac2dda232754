namespace InfraFunctions.Core.Monitor;

/// <summary>One interval of a metric; only the requested aggregations are present.</summary>
public sealed record MetricPoint(DateTimeOffset Timestamp, double? Total, double? Average, double? Maximum, double? Count);
