namespace InfraFunctions.Core.Monitor;

/// <summary>One metric's points over the timespan, all time series flattened.</summary>
public sealed record MetricSeries(string Name, string Unit, IReadOnlyList<MetricPoint> Data);
