using System.Collections.Concurrent;

namespace InfraFunctions.Core.Health;

/// <summary>
/// Per-host threshold overrides in the <c>thresholds</c> table (partition <c>host</c>, one row per host with only the
/// overridden levels). Ingest, alerting and the API ask for a host's thresholds here; each instance remembers a host's
/// overrides for 30 s, so a change reaches every instance within that time and a busy host costs two reads a minute.
/// </summary>
public sealed class HostThresholds(TableStore store, IOptionsMonitor<ThresholdOptions> defaults, TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private const string Partition = "host";
    private readonly ConcurrentDictionary<string, (ThresholdOverrides? Overrides, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    /// <summary>The app-wide defaults, as configured now.</summary>
    public ThresholdSet Defaults => ThresholdSet.From(defaults.CurrentValue);

    /// <summary>The thresholds in force for a host with these overrides (none: the defaults).</summary>
    public ThresholdSet InForce(ThresholdOverrides? overrides) => overrides?.Apply(Defaults) ?? Defaults;

    /// <summary>The thresholds in force for a host: its overrides over the app-wide defaults.</summary>
    public async Task<ThresholdSet> ForHostAsync(string hostId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (!_cache.TryGetValue(hostId, out var cached) || cached.Until <= now)
        {
            cached = ((await GetAsync(hostId, cancellationToken))?.Overrides, now + CacheFor);
            _cache[hostId] = cached;
        }

        return InForce(cached.Overrides);
    }

    /// <summary>A host's stored overrides, read now (not from the cache), or null when it has none.</summary>
    public async Task<StoredThresholds?> GetAsync(string hostId, CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableNames.Thresholds, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, TableKeys.EncodeHostId(hostId), cancellationToken: cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    /// <summary>Every host's overrides in one query of one partition, for the fleet list.</summary>
    public async Task<IReadOnlyDictionary<string, ThresholdOverrides>> AllAsync(CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableNames.Thresholds, cancellationToken);
        var all = new Dictionary<string, ThresholdOverrides>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken))
        {
            all[row.GetString("host_id") ?? TableKeys.DecodeHostId(row.RowKey)] = FromEntity(row).Overrides;
        }

        return all;
    }

    /// <summary>Replaces a host's overrides (an empty set removes them).</summary>
    public async Task<StoredThresholds?> SetAsync(string hostId, ThresholdOverrides overrides, string updatedBy, CancellationToken cancellationToken = default)
    {
        if (overrides.IsEmpty)
        {
            await ResetAsync(hostId, cancellationToken);
            return null;
        }

        var table = await store.GetTableAsync(TableNames.Thresholds, cancellationToken);
        var stored = new StoredThresholds(overrides, time.GetUtcNow(), updatedBy);
        var entity = new TableEntity(Partition, TableKeys.EncodeHostId(hostId)) { ["host_id"] = hostId, ["updated_at"] = stored.UpdatedAt, ["updated_by"] = updatedBy };
        foreach (var (name, value) in overrides.Levels())
        {
            if (value is { } v)
            {
                entity[name] = v;
            }
        }

        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        _cache.TryRemove(hostId, out _);
        return stored;
    }

    /// <summary>Removes a host's overrides; false when it had none.</summary>
    public async Task<bool> ResetAsync(string hostId, CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableNames.Thresholds, cancellationToken);
        _cache.TryRemove(hostId, out _);
        // The client answers a missing row with its 404 response rather than an exception.
        using var response = await table.DeleteEntityAsync(Partition, TableKeys.EncodeHostId(hostId), ETag.All, cancellationToken);
        return response.Status != 404;
    }

    private static StoredThresholds FromEntity(TableEntity e) => new(
        new ThresholdOverrides(
            e.GetDouble("cpu_warning"), e.GetDouble("cpu_critical"),
            e.GetDouble("memory_warning"), e.GetDouble("memory_critical"),
            e.GetDouble("disk_warning"), e.GetDouble("disk_critical")),
        e.GetDateTimeOffset("updated_at") ?? default,
        e.GetString("updated_by") ?? string.Empty);
}
