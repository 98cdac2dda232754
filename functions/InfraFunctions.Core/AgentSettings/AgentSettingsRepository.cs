namespace InfraFunctions.Core.AgentSettings;

/// <summary>
/// Operator-chosen agent settings in the <c>agentsettings</c> table: partition <c>host</c> (one row per host) and
/// partition <c>tag</c> (one row per <c>key:value</c>), the settings as one JSON column. Reads here are not cached;
/// <see cref="AgentSettingsResolver"/> caches what ingest needs.
/// </summary>
public sealed class AgentSettingsRepository(TableStore store, TimeProvider time)
{
    // Far inside the 1 KiB key limit; a longer encoded tag keeps its start and a hash (TableKeys.BoundedKey).
    private const int MaxRowKeyChars = 512;
    private const string SettingsColumn = "settings";

    public async Task<StoredAgentSettings?> GetAsync(AgentSettingScope scope, CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableNames.AgentSettings, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(scope.Kind, RowKey(scope), cancellationToken: cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    /// <summary>Every scope's settings, host scopes first; or, given <paramref name="kind"/>, that partition's only.</summary>
    public async Task<IReadOnlyList<StoredAgentSettings>> ListAsync(string? kind = null, CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableNames.AgentSettings, cancellationToken);
        var all = new List<StoredAgentSettings>();
        var rows = kind is null
            ? table.QueryAsync<TableEntity>(cancellationToken: cancellationToken)
            : table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {kind}"), cancellationToken: cancellationToken);
        await foreach (var row in rows)
        {
            if (FromEntity(row) is { } stored)
            {
                all.Add(stored);
            }
        }

        return all;
    }

    /// <summary>Replaces a scope's settings; <see cref="Contracts.AgentSettings.Sources"/> is not stored (the resolver fills it).</summary>
    public async Task<StoredAgentSettings> SetAsync(AgentSettingScope scope, Contracts.AgentSettings settings, string updatedBy, CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableNames.AgentSettings, cancellationToken);
        var stored = new StoredAgentSettings(scope, settings with { Sources = null }, time.GetUtcNow(), updatedBy);
        var entity = new TableEntity(scope.Kind, RowKey(scope))
        {
            [SettingsColumn] = JsonSerializer.Serialize(stored.Settings, AgentSettingsJsonContext.Default.AgentSettings),
            ["updated_at"] = stored.UpdatedAt,
            ["updated_by"] = updatedBy,
        };
        if (scope.IsHost)
        {
            entity["host_id"] = scope.HostId;
        }
        else
        {
            entity["tag_key"] = scope.TagKey;
            entity["tag_value"] = scope.TagValue;
        }

        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        return stored;
    }

    /// <summary>Removes a scope's settings; false when it had none.</summary>
    public async Task<bool> DeleteAsync(AgentSettingScope scope, CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableNames.AgentSettings, cancellationToken);
        // The client answers a missing row with its 404 response rather than an exception.
        using var response = await table.DeleteEntityAsync(scope.Kind, RowKey(scope), ETag.All, cancellationToken);
        return response.Status != 404;
    }

    private static string RowKey(AgentSettingScope scope) =>
        scope.IsHost ? TableKeys.EncodeHostId(scope.HostId!) : TableKeys.BoundedKey(scope.Tag!, MaxRowKeyChars);

    private static StoredAgentSettings? FromEntity(TableEntity e)
    {
        AgentSettingScope? scope = e.PartitionKey switch
        {
            AgentSettingScope.HostKind => AgentSettingScope.ForHost(e.GetString("host_id") ?? TableKeys.DecodeHostId(e.RowKey)),
            AgentSettingScope.TagKind when e.GetString("tag_key") is { } key && e.GetString("tag_value") is { } value => AgentSettingScope.ForTag(key, value),
            _ => null,
        };
        var settings = e.GetString(SettingsColumn) is { Length: > 0 } json
            ? JsonSerializer.Deserialize(json, AgentSettingsJsonContext.Default.AgentSettings)
            : null;
        return scope is null || settings is null
            ? null
            : new StoredAgentSettings(scope, settings, e.GetDateTimeOffset("updated_at") ?? default, e.GetString("updated_by") ?? string.Empty);
    }
}
