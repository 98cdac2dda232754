namespace InfraFunctions.Agent.Delivery;

/// <summary>
/// Records read from the spool, the segment each came from, the position after the last of them, and the drop
/// count to report with them. <paramref name="Truncated"/> says the batch was cut at the record or byte limit,
/// so more was already waiting when it was read (a backlog), as opposed to samples appended while it was being posted.
/// </summary>
internal sealed record SpoolBatch(IReadOnlyList<byte[]> Records, IReadOnlyList<long> Segments, SpoolPosition End, long Dropped, bool Truncated = false);
