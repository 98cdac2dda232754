using System.Collections.Concurrent;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using InfraFunctions.Core.Options;
using InfraFunctions.Core.Storage;
using Microsoft.Extensions.Options;

namespace InfraFunctions.Core.Realtime;

/// <summary>
/// The <c>streams</c> table: who watches what, until when. One row per watched host and connection
/// (partition <c>host|{host}</c>), one for the fleet (<c>fleet</c>), and one per connection listing its hosts
/// (<c>connection</c>), so stop knows what to undo. "Is anyone watching" is a one-row query of one partition,
/// remembered for a second so a busy host costs one read a second, not one per post.
/// </summary>
public sealed class StreamLeases(TableStore store, TimeProvider time, IOptionsMonitor<SignalROptions> options)
{
    private const string ConnectionPartition = "connection";
    private const string FleetPartition = "fleet";
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<string, (bool Watched, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    /// <summary>Leases (or renews) the given hosts and the fleet for a connection; returns the expiry and the hosts it no longer watches.</summary>
    public async Task<(DateTimeOffset ExpiresAt, IReadOnlyList<string> Dropped)> StartAsync(string connectionId, IReadOnlyList<string> hostIds, CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableNames.Streams, cancellationToken);
        var expiresAt = time.GetUtcNow().AddSeconds(options.CurrentValue.LeaseSeconds);
        var previous = await HostsOfAsync(table, connectionId, cancellationToken) ?? [];
        foreach (var partition in hostIds.Select(HostPartition).Append(FleetPartition))
        {
            await table.UpsertEntityAsync(new TableEntity(partition, connectionId) { ["expires_at"] = expiresAt }, TableUpdateMode.Replace, cancellationToken);
            _cache.TryRemove(partition, out _);
        }

        var dropped = previous.Except(hostIds, StringComparer.Ordinal).ToArray();
        await DeleteAsync(table, dropped.Select(HostPartition), connectionId, cancellationToken);
        await table.UpsertEntityAsync(
            new TableEntity(ConnectionPartition, connectionId) { ["hosts"] = JsonSerializer.Serialize(hostIds.ToArray(), RealtimeJsonContext.Default.StringArray), ["expires_at"] = expiresAt },
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

    /// <summary>
    /// Deletes the rows of leases that ended more than <paramref name="grace"/> ago (dashboards closed without
    /// calling stop). A row renewed since it was read keeps its new lease: the delete is conditional on its ETag.
    /// </summary>
    public async Task<int> PurgeExpiredAsync(TimeSpan grace, CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableNames.Streams, cancellationToken);
        var cutoff = time.GetUtcNow() - grace;
        var filter = TableClient.CreateQueryFilter($"expires_at lt {cutoff}");
        var deleted = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
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

        return deleted;
    }

    /// <summary>True while at least one connection holds a live lease on the host.</summary>
    public Task<bool> IsWatchedAsync(string hostId, CancellationToken cancellationToken = default) =>
        AnyLiveAsync(HostPartition(hostId), cancellationToken);

    /// <summary>True while at least one dashboard holds a live lease at all (it then receives fleet rows).</summary>
    public Task<bool> IsFleetWatchedAsync(CancellationToken cancellationToken = default) =>
        AnyLiveAsync(FleetPartition, cancellationToken);

    private async Task<bool> AnyLiveAsync(string partition, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(partition, out var cached) && cached.Until > now)
        {
            return cached.Watched;
        }

        var table = await store.GetTableAsync(TableNames.Streams, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and expires_at gt {now}");
        var watched = false;
        await foreach (var _ in table.QueryAsync<TableEntity>(filter, maxPerPage: 1, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            watched = true;
            break;
        }

        _cache[partition] = (watched, now + CacheFor);
        return watched;
    }

    private static async Task<string[]?> HostsOfAsync(TableClient table, string connectionId, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(ConnectionPartition, connectionId, cancellationToken: cancellationToken);
        return row.HasValue ? JsonSerializer.Deserialize(row.Value!.GetString("hosts") ?? "[]", RealtimeJsonContext.Default.StringArray) : null;
    }

    private async Task DeleteAsync(TableClient table, IEnumerable<string> partitions, string connectionId, CancellationToken cancellationToken)
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

            _cache.TryRemove(partition, out _);
        }
    }

    private static string HostPartition(string hostId) => "host|" + TableKeys.EncodeHostId(hostId);
}
