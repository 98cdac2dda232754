namespace InfraFunctions.Core.Aggregation;

/// <summary>
/// Entity counts of period tables, kept in <c>jobs</c> (partition <c>tablestats|{table}</c>) so retention can report
/// what it drops without scanning. Each rollup writes its slot: the raw samples it read for a host-hour, or 1 for the
/// rollup row itself. A slot is overwritten, never incremented, so recomputes and concurrent runs keep it exact.
/// The raw count is what the rollups saw: samples that arrived after the late-sample lookback are not counted.
/// </summary>
public sealed class TableStats(TableStore store)
{
    public async Task RecordRollupAsync(RollupTier tier, string hostId, DateTimeOffset bucketStart, long rawSamples, CancellationToken cancellationToken = default)
    {
        var host = TableKeys.EncodeHostId(hostId);
        var t = bucketStart.UtcDateTime;
        if (tier == RollupTier.Hourly)
        {
            await SetAsync(TableKeys.SamplesTable(bucketStart), host, Slot(t.Hour), rawSamples, cancellationToken);
            await SetAsync(tier.Table(bucketStart), $"{host}|{t.Day:D2}", Slot(t.Hour), 1, cancellationToken);
        }
        else
        {
            await SetAsync(tier.Table(bucketStart), $"{host}|{t.Month:D2}", Slot(t.Day), 1, cancellationToken);
        }
    }

    /// <summary>The recorded entity count of a table (0 when nothing was recorded), from its counter rows only.</summary>
    public async Task<long> CountAsync(string tableName, CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableNames.Jobs, cancellationToken);
        long total = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition(tableName)}"), cancellationToken: cancellationToken))
        {
            foreach (var (key, value) in row)
            {
                if (key.StartsWith('n') && value is long or int)
                {
                    total += Convert.ToInt64(value, CultureInfo.InvariantCulture);
                }
            }
        }

        return total;
    }

    /// <summary>Deletes a dropped table's counters.</summary>
    public async Task ForgetAsync(string tableName, CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableNames.Jobs, cancellationToken);
        var keys = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition(tableName)}"), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            keys.Add(row.RowKey);
        }

        // Entity group transactions take at most 100 entities of one partition.
        foreach (var chunk in keys.Chunk(100))
        {
            await table.SubmitTransactionAsync(chunk.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(Partition(tableName), k))), cancellationToken);
        }
    }

    private async Task SetAsync(string tableName, string rowKey, string slot, long value, CancellationToken cancellationToken)
    {
        var table = await store.GetTableAsync(TableNames.Jobs, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(Partition(tableName), rowKey) { [slot] = value }, TableUpdateMode.Merge, cancellationToken);
    }

    private static string Slot(int index) => "n" + index.ToString("D2", CultureInfo.InvariantCulture);

    private static string Partition(string tableName) => "tablestats|" + tableName;
}
