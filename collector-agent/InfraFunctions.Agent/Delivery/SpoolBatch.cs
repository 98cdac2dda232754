namespace InfraFunctions.Agent.Delivery;

/// <summary>Records read from the spool, the position after the last of them, and the drop count to report with them.</summary>
internal sealed record SpoolBatch(IReadOnlyList<byte[]> Records, SpoolPosition End, long Dropped);
