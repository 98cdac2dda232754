namespace InfraFunctions.Core.Aggregation;

/// <summary>A bucket of one host that received samples after it was rolled up.</summary>
public sealed record LateMark(string RowKey, string HostId, DateTimeOffset Start, ETag ETag);
