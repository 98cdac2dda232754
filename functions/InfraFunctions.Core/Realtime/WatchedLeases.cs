namespace InfraFunctions.Core.Realtime;

/// <summary>
/// This instance's copy of the lease rows of the <c>streams</c> table (every host's and the fleet's, live or ended),
/// read with one query at most every <c>SignalR__WatchedHostsRefreshSeconds</c>, however many posts ask meanwhile:
/// a busy instance reads the table a few times a minute instead of once or twice per post. Expiry is compared with
/// the clock on every question, so a lease that ends between two reads counts as ended at once. A change made on this
/// instance (start, stop, forget) makes the next question read again, so watching begins here at once; a lease taken
/// or stopped on another instance is seen within the refresh interval.
/// </summary>
internal sealed class WatchedLeases(TableStore store, TimeProvider time, IOptionsMonitor<SignalROptions> options, string excludedPartition)
{
    private readonly Lock _gate = new();
    private Snapshot? _snapshot;
    private Task<Snapshot>? _reading;
    private long _readingGeneration = -1;
    private long _generation;

    /// <summary>Whether any lease of the partition lives now, and the leases of it that have ended.</summary>
    public async Task<LeaseWatch> WatchAsync(string partition, CancellationToken cancellationToken = default)
    {
        var snapshot = await CurrentAsync(cancellationToken);
        var now = time.GetUtcNow();
        if (!snapshot.Rows.TryGetValue(partition, out var rows))
        {
            return new LeaseWatch(false, []);
        }

        var expired = rows.Where(r => r.ExpiresAt <= now).Select(r => new ExpiredLease(r.ConnectionId, partition)).ToArray();
        return new LeaseWatch(rows.Any(r => r.ExpiresAt > now), expired);
    }

    /// <summary>Forgets the copy after this instance changed the table: the next question reads it again.</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _generation++;
        }
    }

    private Task<Snapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        Task<Snapshot> reading;
        lock (_gate)
        {
            if (_snapshot is { } snapshot && snapshot.Generation == _generation && time.GetUtcNow() < snapshot.Until)
            {
                return Task.FromResult(snapshot);
            }

            // Questions asked while a read is under way share it, unless this instance changed the table after it began.
            if (_reading is null || _readingGeneration != _generation)
            {
                var generation = _generation;
                _readingGeneration = generation;
                // Not under the caller's token: the questions sharing the read each wait with their own.
                _reading = Task.Run(() => ReadAsync(generation, CancellationToken.None), CancellationToken.None);
            }

            reading = _reading;
        }

        return reading.WaitAsync(cancellationToken);
    }

    private async Task<Snapshot> ReadAsync(long generation, CancellationToken cancellationToken)
    {
        try
        {
            var started = time.GetUtcNow();
            var table = await store.GetTableAsync(TableNames.Streams, cancellationToken);
            var filter = TableClient.CreateQueryFilter($"PartitionKey ne {excludedPartition}");
            var rows = new Dictionary<string, List<(string, DateTimeOffset)>>(StringComparer.Ordinal);
            await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["PartitionKey", "RowKey", "expires_at"], cancellationToken: cancellationToken))
            {
                if (!rows.TryGetValue(row.PartitionKey, out var partition))
                {
                    rows[row.PartitionKey] = partition = [];
                }

                partition.Add((row.RowKey, row.GetDateTimeOffset("expires_at") ?? DateTimeOffset.MinValue));
            }

            var snapshot = new Snapshot(
                rows.ToDictionary(r => r.Key, r => r.Value.ToArray(), StringComparer.Ordinal),
                started + TimeSpan.FromSeconds(options.CurrentValue.WatchedHostsRefreshSeconds),
                generation);
            lock (_gate)
            {
                if (generation == _generation)
                {
                    _snapshot = snapshot;
                }
            }

            return snapshot;
        }
        finally
        {
            lock (_gate)
            {
                if (_readingGeneration == generation)
                {
                    _reading = null;
                }
            }
        }
    }

    private sealed record Snapshot(IReadOnlyDictionary<string, (string ConnectionId, DateTimeOffset ExpiresAt)[]> Rows, DateTimeOffset Until, long Generation);
}
