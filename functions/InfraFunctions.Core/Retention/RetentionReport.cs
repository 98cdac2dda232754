namespace InfraFunctions.Core.Retention;

/// <summary>What a retention run dropped.</summary>
public sealed record RetentionReport(DateTimeOffset RanAt, IReadOnlyList<DroppedTable> Dropped, IReadOnlyList<string> KeptTables)
{
    /// <summary>Rows of live-stream leases that ended long ago (dashboards closed without calling stop), deleted.</summary>
    public int ExpiredStreamLeases { get; init; }

    public IReadOnlyList<string> DroppedTables => Dropped.Select(d => d.Table).ToArray();

    public long EntitiesDropped => Dropped.Sum(d => d.Entities);
}
