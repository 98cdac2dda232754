namespace InfraFunctions.Core.Storage;

/// <summary>Raw samples: one table per UTC day, one partition per host-day, row key = sample time.</summary>
public sealed class SampleRepository(TableStore store)
{
    // Entity group transactions take at most 100 entities and 4 MiB of payload in one partition; the payload is
    // estimated from above, leaving room for the request's own envelope.
    private const long MaxTransactionPayload = TableLimits.MaxTransactionBytes - 64 * 1024;

    /// <summary>Upserts samples, so a retried post rewrites the same rows instead of adding duplicates.</summary>
    public Task WriteAsync(string hostId, IReadOnlyList<(Sample Sample, double Health)> samples, CancellationToken cancellationToken = default) =>
        WriteAsync(hostId, samples.Select(s => (s.Sample, s.Health, (string?)null)).ToArray(), cancellationToken);

    /// <summary>
    /// As above, storing each sample's already validated JSON when given. The top-N process list is kept with the
    /// newest sample of the post only: nothing reads older rows' processes (the process views read the host's latest
    /// sample, rollups read the flat columns and the disks), and it is most of a sample's size.
    /// </summary>
    public async Task WriteAsync(string hostId, IReadOnlyList<(Sample Sample, double Health, string? Json)> samples, CancellationToken cancellationToken = default)
    {
        var partition = TableKeys.EncodeHostId(hostId);
        var newest = samples.Count == 0 ? default : samples.Max(s => s.Sample.Timestamp);
        var byTable = samples
            .GroupBy(s => TableKeys.SamplesTable(s.Sample.Timestamp), StringComparer.Ordinal)
            .ToArray();
        foreach (var group in byTable)
        {
            // Two samples with the same timestamp are the same row; the later one in the batch wins.
            var entities = group
                .GroupBy(s => s.Sample.Timestamp.UtcTicks)
                .Select(g => g.Last())
                .Select(s => SampleEntityMapper.ToEntity(partition, s.Sample, s.Health, s.Sample.Timestamp == newest ? s.Json : SampleEntityMapper.WithoutProcesses(s.Sample, s.Json)))
                .ToArray();
            await WriteTableAsync(group.Key, entities, cancellationToken);
        }
    }

    public async IAsyncEnumerable<TableEntity> ReadAsync(
        string hostId,
        DateTimeOffset from,
        DateTimeOffset to,
        IEnumerable<string>? select = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var partition = TableKeys.EncodeHostId(hostId);
        var columns = select?.ToArray();
        for (var day = from.UtcDateTime.Date; day <= to.UtcDateTime.Date; day = day.AddDays(1))
        {
            var table = store.Service.GetTableClient(TableKeys.SamplesTable(new DateTimeOffset(day, TimeSpan.Zero)));
            var filter = TableClient.CreateQueryFilter(
                $"PartitionKey eq {partition} and RowKey ge {TableKeys.TimeRowKey(from)} and RowKey le {TableKeys.TimeRowKey(to)}");
            var pages = table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: columns, cancellationToken: cancellationToken);
            await using var e = pages.GetAsyncEnumerator(cancellationToken);
            while (true)
            {
                bool more;
                try
                {
                    more = await e.MoveNextAsync();
                }
                catch (RequestFailedException ex) when (TableStore.IsNotFound(ex))
                {
                    break; // no samples that day: the table was never created, or retention dropped it
                }

                if (!more)
                {
                    break;
                }

                yield return e.Current;
            }
        }
    }

    public async Task<IReadOnlyList<SampleRow>> ReadRowsAsync(string hostId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var rows = new List<SampleRow>();
        await foreach (var entity in ReadAsync(hostId, from, to, SampleEntityMapper.RowColumns, cancellationToken))
        {
            rows.Add(SampleEntityMapper.ToRow(entity));
        }

        return rows;
    }

    private async Task WriteTableAsync(string tableName, TableEntity[] entities, CancellationToken cancellationToken)
    {
        var table = await store.GetTableAsync(tableName, cancellationToken);
        foreach (var transaction in Transactions(entities))
        {
            var chunk = transaction.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)).ToArray();
            try
            {
                await table.SubmitTransactionAsync(chunk, cancellationToken);
            }
            catch (RequestFailedException ex) when (TableStore.IsNotFound(ex))
            {
                // The table vanished under us (deleted by hand): create it again and retry once.
                store.Forget(tableName);
                table = await store.GetTableAsync(tableName, cancellationToken);
                await table.SubmitTransactionAsync(chunk, cancellationToken);
            }
        }
    }

    /// <summary>Splits the rows into transactions within both limits, keeping their order.</summary>
    public static IEnumerable<IReadOnlyList<TableEntity>> Transactions(IReadOnlyList<TableEntity> entities)
    {
        var current = new List<TableEntity>();
        long payload = 0;
        foreach (var entity in entities)
        {
            var size = EntitySize.WireBytesAtMost(entity);
            if (current.Count > 0 && (current.Count == TableLimits.MaxTransactionEntities || payload + size > MaxTransactionPayload))
            {
                yield return current;
                current = [];
                payload = 0;
            }

            current.Add(entity);
            payload += size;
        }

        if (current.Count > 0)
        {
            yield return current;
        }
    }
}
