namespace InfraFunctions.Core.Auth;

/// <summary>Agent keys (<c>agents</c>) and access tokens (<c>tokens</c>): stored as hashes, revoked by flag.</summary>
public sealed class CredentialRepository(TableStore store, TimeProvider time)
{
    private const string AgentPartition = "agent";
    private const string TokenPartition = "token";

    public async Task<(AgentRecord Agent, string Key)> CreateAgentAsync(string name, IReadOnlyList<string> hostIds, CancellationToken cancellationToken = default)
    {
        var (id, key) = Secrets.Create(Secrets.AgentPrefix);
        var now = time.GetUtcNow();
        var table = await store.GetTableAsync(TableNames.Agents, cancellationToken);
        await table.AddEntityAsync(new TableEntity(AgentPartition, id)
        {
            ["name"] = name,
            ["hash"] = Secrets.Hash(key),
            ["host_ids"] = JsonSerializer.Serialize(hostIds, StorageJsonContext.Default.IReadOnlyListString),
            ["created"] = now,
            ["revoked"] = false,
        }, cancellationToken);
        return (new AgentRecord(id, name, hostIds, now, false, null), key);
    }

    public async Task<(TokenRecord Token, string Secret)> CreateTokenAsync(string name, string role, CancellationToken cancellationToken = default)
    {
        var (id, secret) = Secrets.Create(Secrets.TokenPrefix);
        var now = time.GetUtcNow();
        var table = await store.GetTableAsync(TableNames.Tokens, cancellationToken);
        await table.AddEntityAsync(new TableEntity(TokenPartition, id)
        {
            ["name"] = name,
            ["hash"] = Secrets.Hash(secret),
            ["role"] = role,
            ["created"] = now,
            ["revoked"] = false,
        }, cancellationToken);
        return (new TokenRecord(id, name, role, now, false, null), secret);
    }

    /// <summary>The agent a key belongs to, or null when the key is unknown, wrong or revoked.</summary>
    public async Task<AgentRecord?> FindAgentByKeyAsync(string? key, CancellationToken cancellationToken = default)
    {
        var entity = await FindAsync(TableNames.Agents, AgentPartition, Secrets.ParseId(Secrets.AgentPrefix, key), cancellationToken);
        return entity is not null && Secrets.Matches(key!, entity.GetBinary("hash")) && entity.GetBoolean("revoked") != true ? ToAgent(entity) : null;
    }

    /// <summary>The token a secret belongs to, or null when it is unknown, wrong or revoked.</summary>
    public async Task<TokenRecord?> FindTokenBySecretAsync(string? secret, CancellationToken cancellationToken = default)
    {
        var entity = await FindAsync(TableNames.Tokens, TokenPartition, Secrets.ParseId(Secrets.TokenPrefix, secret), cancellationToken);
        return entity is not null && Secrets.Matches(secret!, entity.GetBinary("hash")) && entity.GetBoolean("revoked") != true ? ToToken(entity) : null;
    }

    public Task<bool> RevokeAgentAsync(string agentId, CancellationToken cancellationToken = default) =>
        RevokeAsync(TableNames.Agents, AgentPartition, agentId, cancellationToken);

    public Task<bool> RevokeTokenAsync(string tokenId, CancellationToken cancellationToken = default) =>
        RevokeAsync(TableNames.Tokens, TokenPartition, tokenId, cancellationToken);

    public async Task<IReadOnlyList<AgentRecord>> ListAgentsAsync(CancellationToken cancellationToken = default) =>
        (await ListAsync(TableNames.Agents, AgentPartition, cancellationToken)).Select(ToAgent).ToArray();

    public async Task<IReadOnlyList<TokenRecord>> ListTokensAsync(CancellationToken cancellationToken = default) =>
        (await ListAsync(TableNames.Tokens, TokenPartition, cancellationToken)).Select(ToToken).ToArray();

    private async Task<TableEntity?> FindAsync(string tableName, string partition, string? id, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            return null;
        }

        var table = await store.GetTableAsync(tableName, cancellationToken);
        var result = await table.GetEntityIfExistsAsync<TableEntity>(partition, id, cancellationToken: cancellationToken);
        return result.HasValue ? result.Value : null;
    }

    private async Task<bool> RevokeAsync(string tableName, string partition, string id, CancellationToken cancellationToken)
    {
        var entity = await FindAsync(tableName, partition, Secrets.IsValidId(id) ? id : null, cancellationToken);
        if (entity is null)
        {
            return false;
        }

        var table = await store.GetTableAsync(tableName, cancellationToken);
        entity["revoked"] = true;
        entity["revoked_at"] = time.GetUtcNow();
        await table.UpdateEntityAsync(entity, Azure.ETag.All, TableUpdateMode.Replace, cancellationToken);
        return true;
    }

    private async Task<List<TableEntity>> ListAsync(string tableName, string partition, CancellationToken cancellationToken)
    {
        var table = await store.GetTableAsync(tableName, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        var rows = new List<TableEntity>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            rows.Add(e);
        }

        return rows;
    }

    private static AgentRecord ToAgent(TableEntity e) => new(
        e.RowKey,
        e.GetString("name") ?? string.Empty,
        JsonSerializer.Deserialize(e.GetString("host_ids") ?? "[]", StorageJsonContext.Default.IReadOnlyListString) ?? [],
        e.GetDateTimeOffset("created") ?? default,
        e.GetBoolean("revoked") == true,
        e.GetDateTimeOffset("revoked_at"));

    private static TokenRecord ToToken(TableEntity e) => new(
        e.RowKey,
        e.GetString("name") ?? string.Empty,
        e.GetString("role") ?? Roles.Reader,
        e.GetDateTimeOffset("created") ?? default,
        e.GetBoolean("revoked") == true,
        e.GetDateTimeOffset("revoked_at"));
}
