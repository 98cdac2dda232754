namespace InfraFunctions.Agent.Delivery;

/// <summary>
/// Records read from the spool, the position after the last of them, and the drop count to report with them.
/// <paramref name="Truncated"/> says the batch was cut at the record or byte limit, so more was already waiting
/// when it was read (a backlog), as opposed to samples appended while it was being posted.
/// </summary>
internal sealed record SpoolBatch(IReadOnlyList<byte[]> Records, SpoolPosition End, long Dropped, bool Truncated = false);
