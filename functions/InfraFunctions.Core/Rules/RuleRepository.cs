namespace InfraFunctions.Core.Rules;

/// <summary>
/// Alert rules in the <c>rules</c> table, and the rules in force for evaluation: the built-in threshold rules (with
/// any changes an operator stored for them) followed by the stored rules by name. Each instance keeps the list for
/// <see cref="CacheFor"/>; its own writes drop the copy at once, so other instances see a change within that time.
/// </summary>
public sealed class RuleRepository(
    TableStore store,
    IOptionsMonitor<ThresholdOptions> thresholds,
    IOptionsMonitor<AlertOptions> alerts,
    TimeProvider time) : IRuleSource
{
    private static readonly TimeSpan Cache = TimeSpan.FromSeconds(30);
    private readonly Lock _gate = new();
    private (IReadOnlyList<RuleDefinition> Rules, DateTimeOffset Until)? _cached;
    private long _version;

    public TimeSpan CacheFor => Cache;

    /// <summary>The built-in threshold rules as configured, before any stored change.</summary>
    public IReadOnlyList<RuleDefinition> BuiltInDefaults => BuiltInRules.Thresholds(thresholds.CurrentValue, alerts.CurrentValue);

    public async ValueTask<IReadOnlyList<RuleDefinition>> ListAsync(CancellationToken cancellationToken = default)
    {
        long version;
        lock (_gate)
        {
            if (_cached is { } cached && cached.Until > time.GetUtcNow())
            {
                return cached.Rules;
            }

            version = _version;
        }

        var rules = await ReadAllAsync(cancellationToken);
        lock (_gate)
        {
            // A write on this instance while reading made this list old already: keep it out of the cache.
            if (version == _version)
            {
                _cached = (rules, time.GetUtcNow() + Cache);
            }
        }

        return rules;
    }

    /// <summary>Every rule as stored now, bypassing the cache: built-in first, then by name.</summary>
    public async Task<IReadOnlyList<RuleDefinition>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableNames.Rules, cancellationToken);
        var rows = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {RuleEntityMapper.Partition}"), cancellationToken: cancellationToken))
        {
            rows[e.RowKey] = e;
        }

        var builtIn = BuiltInDefaults.Select(r => rows.TryGetValue(r.Id, out var row) ? RuleEntityMapper.Apply(r, row) : r);
        var stored = rows.Values.Where(e => !BuiltInRules.IsBuiltIn(e.RowKey)).Select(RuleEntityMapper.ToRule)
            .OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Id, StringComparer.Ordinal);
        return [.. builtIn, .. stored];
    }

    /// <summary>How many rules are stored (the built-in ones not counted).</summary>
    public async Task<int> CountStoredAsync(CancellationToken cancellationToken = default) =>
        (await ReadAllAsync(cancellationToken)).Count(r => !r.BuiltIn);

    /// <summary>One rule by id, or null. The id must be <see cref="RuleIds.IsWellFormed"/>.</summary>
    public async Task<RuleDefinition?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableNames.Rules, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(RuleEntityMapper.Partition, id, cancellationToken: cancellationToken);
        if (BuiltInDefaults.FirstOrDefault(r => r.Id == id) is { } builtIn)
        {
            return row.HasValue ? RuleEntityMapper.Apply(builtIn, row.Value!) : builtIn;
        }

        return row.HasValue && !BuiltInRules.IsBuiltIn(id) ? RuleEntityMapper.ToRule(row.Value!) : null;
    }

    /// <summary>Stores a new rule under a new id.</summary>
    public async Task<RuleDefinition> CreateAsync(RuleDefinition rule, string updatedBy, CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableNames.Rules, cancellationToken);
        var stored = rule with { Id = RuleIds.New(), BuiltIn = false, UpdatedAt = time.GetUtcNow(), UpdatedBy = updatedBy };
        await table.AddEntityAsync(RuleEntityMapper.ToEntity(stored), cancellationToken);
        Invalidate();
        return stored;
    }

    /// <summary>Replaces a stored rule, or stores the changes to a built-in one; null when there is no such stored rule.</summary>
    public async Task<RuleDefinition?> ReplaceAsync(string id, RuleDefinition rule, string updatedBy, CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableNames.Rules, cancellationToken);
        var stored = rule with { Id = id, BuiltIn = BuiltInRules.IsBuiltIn(id), UpdatedAt = time.GetUtcNow(), UpdatedBy = updatedBy };
        try
        {
            if (stored.BuiltIn)
            {
                await table.UpsertEntityAsync(RuleEntityMapper.ToEntity(stored), TableUpdateMode.Replace, cancellationToken);
            }
            else
            {
                await table.UpdateEntityAsync(RuleEntityMapper.ToEntity(stored), ETag.All, TableUpdateMode.Replace, cancellationToken);
            }
        }
        catch (RequestFailedException ex) when (TableStore.IsNotFound(ex))
        {
            return null;
        }
        finally
        {
            Invalidate();
        }

        return stored;
    }

    /// <summary>Deletes a stored rule; false when there was none. Built-in rules are never deleted.</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        if (BuiltInRules.IsBuiltIn(id))
        {
            throw new InvalidOperationException($"The built-in rule '{id}' cannot be deleted.");
        }

        var table = await store.GetTableAsync(TableNames.Rules, cancellationToken);
        var response = await table.DeleteEntityAsync(RuleEntityMapper.Partition, id, ETag.All, cancellationToken);
        Invalidate();
        return response.Status != 404;
    }

    private void Invalidate()
    {
        lock (_gate)
        {
            _version++;
            _cached = null;
        }
    }
}
