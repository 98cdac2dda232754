namespace InfraFunctions.Core.Retention;

/// <summary>A period table a retention run deleted, and how many entities it held (from its counters, not a scan).</summary>
public sealed record DroppedTable(string Table, string Tier, DateTimeOffset PeriodEnd, long Entities);
