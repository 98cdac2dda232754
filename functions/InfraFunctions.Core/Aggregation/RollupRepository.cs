namespace InfraFunctions.Core.Aggregation;

/// <summary>Rollup rows of a tier: one partition per host, row key = bucket start, so a recompute rewrites the same row.</summary>
public sealed class RollupRepository(TableStore store)
{
    public async Task WriteAsync(RollupTier tier, Rollup rollup, CancellationToken cancellationToken = default)
    {
        var tableName = tier.Table(rollup.Start);
        var table = await store.GetTableAsync(tableName, cancellationToken);
        var entity = RollupEntityMapper.ToEntity(rollup);
        try
        {
            await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException ex) when (TableStore.IsNotFound(ex))
        {
            // Deleted under us (by hand or by a retention run racing a late recompute): create it again.
            store.Forget(tableName);
            table = await store.GetTableAsync(tableName, cancellationToken);
            await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        }
    }

    /// <summary>Rollups of buckets starting in [from, to), in time order; missing tables read as empty.</summary>
    public async Task<IReadOnlyList<Rollup>> ReadAsync(RollupTier tier, string hostId, DateTimeOffset from, DateTimeOffset to, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        var rows = new List<Rollup>();
        if (from >= to)
        {
            return rows;
        }

        var partition = TableKeys.EncodeHostId(hostId);
        var columns = select?.ToArray();
        foreach (var tableName in tier.Tables(from, to))
        {
            var table = store.Service.GetTableClient(tableName);
            var filter = TableClient.CreateQueryFilter(
                $"PartitionKey eq {partition} and RowKey ge {TableKeys.TimeRowKey(from)} and RowKey lt {TableKeys.TimeRowKey(to)}");
            try
            {
                await foreach (var e in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: columns, cancellationToken: cancellationToken))
                {
                    rows.Add(RollupEntityMapper.ToRollup(e));
                }
            }
            catch (RequestFailedException ex) when (TableStore.IsNotFound(ex))
            {
                // never written, or dropped by retention
            }
        }

        return rows;
    }
}
