namespace InfraFunctions.Core.Aggregation;

/// <summary>
/// Aggregation bookkeeping in the <c>jobs</c> table: a watermark per job (the next bucket to roll up), marks for
/// buckets that received late samples, and per-table entity counters that retention reports without scanning.
/// </summary>
public sealed class JobStore(TableStore store)
{
    private const string WatermarkPartition = "watermark";

    public async Task<DateTimeOffset?> GetWatermarkAsync(string job, CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableNames.Jobs, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(WatermarkPartition, job, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.GetDateTimeOffset("next") : null;
    }

    /// <summary>Moves the watermark forward only: concurrent runs agree on the furthest one.</summary>
    public async Task AdvanceWatermarkAsync(string job, DateTimeOffset next, CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableNames.Jobs, cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(WatermarkPartition, job, cancellationToken: cancellationToken);
            if (row.HasValue && row.Value!.GetDateTimeOffset("next") >= next)
            {
                return;
            }

            var entity = new TableEntity(WatermarkPartition, job) { ["next"] = next };
            try
            {
                if (row.HasValue)
                {
                    await table.UpdateEntityAsync(entity, row.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await table.AddEntityAsync(entity, cancellationToken);
                }

                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < 5)
            {
                // another run moved it meanwhile; read again
            }
        }
    }

    /// <summary>Marks a host's bucket for recompute; the same mark twice is one row.</summary>
    public async Task MarkLateAsync(RollupTier tier, string hostId, DateTimeOffset bucketStart, CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableNames.Jobs, cancellationToken);
        var entity = new TableEntity(LatePartition(tier), $"{TableKeys.TimeRowKey(bucketStart)}|{TableKeys.EncodeHostId(hostId)}")
        {
            ["host_id"] = hostId,
            ["start"] = bucketStart,
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<LateMark>> ListLateAsync(RollupTier tier, CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableNames.Jobs, cancellationToken);
        var marks = new List<LateMark>();
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {LatePartition(tier)}"), cancellationToken: cancellationToken))
        {
            marks.Add(new LateMark(e.RowKey, e.GetString("host_id") ?? string.Empty, e.GetDateTimeOffset("start") ?? default, e.ETag));
        }

        return marks;
    }

    /// <summary>Clears a mark unless it was set again meanwhile (its ETag changed): then the next run recomputes again.</summary>
    public async Task ClearLateAsync(RollupTier tier, LateMark mark, CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableNames.Jobs, cancellationToken);
        try
        {
            await table.DeleteEntityAsync(LatePartition(tier), mark.RowKey, mark.ETag, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // gone already, or marked again: keep it for the next run
        }
    }

    private static string LatePartition(RollupTier tier) => "late-" + tier.Name;
}
