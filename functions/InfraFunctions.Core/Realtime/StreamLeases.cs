namespace InfraFunctions.Core.Realtime;

/// <summary>
/// The <c>streams</c> table: who watches what, until when. One row per watched host and connection
/// (partition <c>host|{host}</c>), one for the fleet (<c>fleet</c>), and one per connection listing its hosts
/// (<c>connection</c>, with the token id that started it), so stop knows what to undo. "Who is watching" is answered
/// from this instance's copy of all host and fleet rows (<see cref="WatchedLeases"/>), not read per post.
/// </summary>
public sealed class StreamLeases(TableStore store, TimeProvider time, IOptionsMonitor<SignalROptions> options)
{
    private const string ConnectionPartition = "connection";
    private const string FleetPartition = "fleet";
    private readonly WatchedLeases _watched = new(store, time, options, ConnectionPartition);

    /// <summary>
    /// Leases (or renews) the given hosts and the fleet for a connection of <paramref name="owner"/> (the caller's
    /// token id); returns the expiry and the hosts it no longer watches.
    /// </summary>
    public async Task<(DateTimeOffset ExpiresAt, IReadOnlyList<string> Dropped)> StartAsync(
        string connectionId, IReadOnlyList<string> hostIds, string? owner = null, CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableNames.Streams, cancellationToken);
        var expiresAt = time.GetUtcNow().AddSeconds(options.CurrentValue.LeaseSeconds);
        var previous = await HostsOfAsync(table, connectionId, cancellationToken) ?? [];
        try
        {
            foreach (var partition in hostIds.Select(HostPartition).Append(FleetPartition))
            {
                await table.UpsertEntityAsync(new TableEntity(partition, connectionId) { ["expires_at"] = expiresAt }, TableUpdateMode.Replace, cancellationToken);
            }
        }
        finally
        {
            // The next post of a host this connection now watches is told so, however recently the copy was read.
            _watched.Invalidate();
        }

        var dropped = previous.Except(hostIds, StringComparer.Ordinal).ToArray();
        await DeleteAsync(table, dropped.Select(HostPartition), connectionId, cancellationToken);
        await table.UpsertEntityAsync(
            new TableEntity(ConnectionPartition, connectionId)
            {
                ["hosts"] = JsonSerializer.Serialize(hostIds.ToArray(), RealtimeJsonContext.Default.StringArray),
                ["expires_at"] = expiresAt,
                ["owner"] = owner,
            },
            TableUpdateMode.Replace, cancellationToken);
        return (expiresAt, dropped);
    }

    /// <summary>Ends a connection's leases; returns the hosts it watched, or null when it had none.</summary>
    public async Task<IReadOnlyList<string>?> StopAsync(string connectionId, CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableNames.Streams, cancellationToken);
        var hosts = await HostsOfAsync(table, connectionId, cancellationToken);
        if (hosts is null)
        {
            return null;
        }

        await DeleteAsync(table, hosts.Select(HostPartition).Append(FleetPartition).Append(ConnectionPartition), connectionId, cancellationToken);
        return hosts;
    }

    /// <summary>The token id that started the connection's stream, or null when it has no lease.</summary>
    public async Task<string?> OwnerOfAsync(string connectionId, CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableNames.Streams, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(ConnectionPartition, connectionId, select: ["owner"], cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.GetString("owner") : null;
    }

    /// <summary>The connections whose streams <paramref name="owner"/> started, live or expired.</summary>
    public async Task<IReadOnlyList<string>> ConnectionsOfAsync(string owner, CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableNames.Streams, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ConnectionPartition} and owner eq {owner}");
        var connections = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            connections.Add(row.RowKey);
        }

        return connections;
    }

    /// <summary>
    /// Ends an expired lease: unless the connection renewed it meanwhile (then false, and nothing happens),
    /// <paramref name="leaveGroups"/> runs first and the rows are deleted after it, so a failure leaves the rows
    /// for the next attempt.
    /// </summary>
    public async Task<bool> ForgetExpiredAsync(ExpiredLease lease, Func<CancellationToken, Task> leaveGroups, CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableNames.Streams, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(ConnectionPartition, lease.ConnectionId, cancellationToken: cancellationToken);
        if (row.HasValue && row.Value!.GetDateTimeOffset("expires_at") > time.GetUtcNow())
        {
            // Renewed on another instance after this one's copy was read: read it again rather than expel again.
            _watched.Invalidate();
            return false;
        }

        await leaveGroups(cancellationToken);

        var hosts = row.HasValue ? JsonSerializer.Deserialize(row.Value!.GetString("hosts") ?? "[]", RealtimeJsonContext.Default.StringArray) ?? [] : [];
        await DeleteAsync(table, hosts.Select(HostPartition).Append(FleetPartition).Append(lease.Partition).Distinct(StringComparer.Ordinal), lease.ConnectionId, cancellationToken);
        if (row.HasValue)
        {
            try
            {
                await table.DeleteEntityAsync(ConnectionPartition, lease.ConnectionId, row.Value!.ETag, cancellationToken);
            }
            catch (RequestFailedException ex) when (TableStore.IsNotFound(ex) || ex.Status == 412)
            {
                // stopped, or renewed in the last moment: a renewal joins its groups again
            }
        }

        return true;
    }

    /// <summary>
    /// Deletes the rows of leases that ended more than <paramref name="grace"/> ago (dashboards closed without
    /// calling stop). A row renewed since it was read keeps its new lease: the delete is conditional on its ETag.
    /// Each connection first leaves its groups through <paramref name="leaveGroups"/>: once its rows are gone,
    /// nothing else would remove it. When that fails, its rows stay for the next purge.
    /// </summary>
    public async Task<int> PurgeExpiredAsync(TimeSpan grace, Func<string, CancellationToken, Task>? leaveGroups = null, CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableNames.Streams, cancellationToken);
        var cutoff = time.GetUtcNow() - grace;
        var filter = TableClient.CreateQueryFilter($"expires_at lt {cutoff}");
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        var kept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var connectionId in rows.Where(r => r.PartitionKey == ConnectionPartition).Select(r => r.RowKey))
        {
            try
            {
                await (leaveGroups?.Invoke(connectionId, cancellationToken) ?? Task.CompletedTask);
            }
            catch (Exception ex) when (SignalRFailures.IsServiceFailure(ex, cancellationToken))
            {
                kept.Add(connectionId);
            }
        }

        var deleted = 0;
        foreach (var row in rows.Where(r => !kept.Contains(r.RowKey)))
        {
            try
            {
                // A row stopped meanwhile answers 404 (as a response, not an exception) and is not counted.
                using var response = await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken);
                deleted += response.Status == 404 ? 0 : 1;
            }
            catch (RequestFailedException ex) when (TableStore.IsNotFound(ex) || ex.Status == 412)
            {
                // stopped or renewed meanwhile
            }
        }

        _watched.Invalidate();
        return deleted;
    }

    /// <summary>True while at least one connection holds a live lease on the host.</summary>
    public async Task<bool> IsWatchedAsync(string hostId, CancellationToken cancellationToken = default) =>
        (await WatchAsync(HostPartition(hostId), cancellationToken)).Watched;

    /// <summary>True while at least one dashboard holds a live lease at all (it then receives fleet rows).</summary>
    public async Task<bool> IsFleetWatchedAsync(CancellationToken cancellationToken = default) =>
        (await WatchAsync(FleetPartition, cancellationToken)).Watched;

    /// <summary>The host's watchers: whether any lease lives, and the leases that ran out (evaluated now, not when read).</summary>
    public Task<LeaseWatch> WatchHostAsync(string hostId, CancellationToken cancellationToken = default) =>
        WatchAsync(HostPartition(hostId), cancellationToken);

    /// <summary>The fleet group's watchers, as <see cref="WatchHostAsync"/>.</summary>
    public Task<LeaseWatch> WatchFleetAsync(CancellationToken cancellationToken = default) =>
        WatchAsync(FleetPartition, cancellationToken);

    private Task<LeaseWatch> WatchAsync(string partition, CancellationToken cancellationToken) =>
        _watched.WatchAsync(partition, cancellationToken);

    private static async Task<string[]?> HostsOfAsync(TableClient table, string connectionId, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(ConnectionPartition, connectionId, cancellationToken: cancellationToken);
        return row.HasValue ? JsonSerializer.Deserialize(row.Value!.GetString("hosts") ?? "[]", RealtimeJsonContext.Default.StringArray) : null;
    }

    private async Task DeleteAsync(TableClient table, IEnumerable<string> partitions, string connectionId, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var partition in partitions)
            {
                try
                {
                    await table.DeleteEntityAsync(partition, connectionId, ETag.All, cancellationToken);
                }
                catch (RequestFailedException ex) when (TableStore.IsNotFound(ex))
                {
                    // already gone
                }
            }
        }
        finally
        {
            _watched.Invalidate();
        }
    }

    private static string HostPartition(string hostId) => "host|" + TableKeys.EncodeHostId(hostId);
}
