namespace InfraFunctions.Core.Auth;

/// <summary>Agent keys (<c>agents</c>) and access tokens (<c>tokens</c>): stored as hashes, revoked by flag.</summary>
public sealed class CredentialRepository(TableStore store, TimeProvider time)
{
    /// <summary>An agent's last use is written to its row at most this often, so authenticating ingest costs no write per request.</summary>
    public static readonly TimeSpan LastUsedInterval = TimeSpan.FromMinutes(5);

    private const string TokenPartition = "token";

    public Task<(AgentRecord Agent, string Key)> CreateAgentAsync(string name, IReadOnlyList<string> hostIds, CancellationToken cancellationToken = default) =>
        CreateAgentAsync(name, hostIds, AgentIssuers.Admin, null, cancellationToken);

    /// <param name="issuerId">The operator's token id or the enrollment token's id; null for the master key.</param>
    public async Task<(AgentRecord Agent, string Key)> CreateAgentAsync(string name, IReadOnlyList<string> hostIds, string issuedBy, string? issuerId, CancellationToken cancellationToken = default)
    {
        var (id, key) = Secrets.Create(Secrets.AgentPrefix);
        var entity = AgentEntity.Create(id, name, key, hostIds, issuedBy, issuerId, time.GetUtcNow());
        var table = await store.GetTableAsync(TableNames.Agents, cancellationToken);
        await table.AddEntityAsync(entity, cancellationToken);
        return (AgentEntity.ToRecord(entity), key);
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

    /// <summary>
    /// The agent a key belongs to, or null when the key is unknown, wrong, revoked, or a rotated-out key past its
    /// grace. Every call reads the row, so a revocation or an expiry holds from the next request on. Notes the use on
    /// the row when the last noted use is older than <see cref="LastUsedInterval"/>.
    /// </summary>
    public async Task<AgentRecord?> FindAgentByKeyAsync(string? key, CancellationToken cancellationToken = default)
    {
        var entity = await FindAsync(TableNames.Agents, AgentEntity.Partition, Secrets.ParseId(Secrets.AgentPrefix, key), cancellationToken);
        var now = time.GetUtcNow();
        if (entity is null || !AgentEntity.Accepts(entity, key!, now))
        {
            return null;
        }

        if (entity.GetDateTimeOffset("last_used") is not { } lastUsed || now - lastUsed >= LastUsedInterval)
        {
            await NoteUseAsync(entity, now, cancellationToken);
        }

        return AgentEntity.ToRecord(entity);
    }

    /// <summary>
    /// Gives the agent a new key under the same id; the key it had keeps working for <paramref name="grace"/> (zero
    /// ends it at once). A key rotated out earlier and still in its grace ends now. Null when there is no such agent;
    /// a revoked agent comes back with a null key, since a revoked key is never revived.
    /// </summary>
    public async Task<(AgentRecord? Agent, string? Key)> RotateAgentAsync(string agentId, TimeSpan grace, CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableNames.Agents, cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            var entity = await FindAsync(TableNames.Agents, AgentEntity.Partition, Secrets.IsValidId(agentId) ? agentId : null, cancellationToken);
            if (entity is null || entity.GetBoolean("revoked") == true)
            {
                return (entity is null ? null : AgentEntity.ToRecord(entity), null);
            }

            var now = time.GetUtcNow();
            var key = Secrets.CreateFor(Secrets.AgentPrefix, agentId);
            entity["previous_hash"] = entity.GetBinary("hash");
            entity["previous_expires"] = now + grace;
            entity["hash"] = Secrets.Hash(key);
            entity["rotated_at"] = now;
            try
            {
                await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
                return (AgentEntity.ToRecord(entity), key);
            }
            catch (RequestFailedException ex) when (ex.Status == 412 && attempt < 5)
            {
                // The row changed since it was read (a use noted, another rotation): rotate what is there now.
            }
        }
    }

    /// <summary>Revokes every key bound to exactly <paramref name="hostId"/> and nothing else, except <paramref name="keepAgentId"/>; returns the revoked ids.</summary>
    public async Task<IReadOnlyList<string>> RevokeAgentsBoundOnlyToAsync(string hostId, string keepAgentId, CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableNames.Agents, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {AgentEntity.Partition} and host_ids eq {AgentEntity.HostIdsJson([hostId])} and revoked eq {false}");
        var revoked = new List<string>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            if (e.RowKey != keepAgentId && await RevokeAgentAsync(e.RowKey, cancellationToken))
            {
                revoked.Add(e.RowKey);
            }
        }

        return revoked;
    }

    /// <summary>The token a secret belongs to, or null when it is unknown, wrong or revoked.</summary>
    public async Task<TokenRecord?> FindTokenBySecretAsync(string? secret, CancellationToken cancellationToken = default)
    {
        var entity = await FindAsync(TableNames.Tokens, TokenPartition, Secrets.ParseId(Secrets.TokenPrefix, secret), cancellationToken);
        return entity is not null && Secrets.Matches(secret!, entity.GetBinary("hash")) && entity.GetBoolean("revoked") != true ? ToToken(entity) : null;
    }

    public Task<bool> RevokeAgentAsync(string agentId, CancellationToken cancellationToken = default) =>
        RevokeAsync(TableNames.Agents, AgentEntity.Partition, agentId, cancellationToken);

    public Task<bool> RevokeTokenAsync(string tokenId, CancellationToken cancellationToken = default) =>
        RevokeAsync(TableNames.Tokens, TokenPartition, tokenId, cancellationToken);

    public async Task<IReadOnlyList<AgentRecord>> ListAgentsAsync(CancellationToken cancellationToken = default) =>
        (await ListAsync(TableNames.Agents, AgentEntity.Partition, cancellationToken)).Select(AgentEntity.ToRecord).ToArray();

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

    private async Task NoteUseAsync(TableEntity entity, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var table = await store.GetTableAsync(TableNames.Agents, cancellationToken);
        try
        {
            await table.UpdateEntityAsync(new TableEntity(entity.PartitionKey, entity.RowKey) { ["last_used"] = now }, entity.ETag, TableUpdateMode.Merge, cancellationToken);
            entity["last_used"] = now;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // The row changed since it was read: another request noted its use, or it was rotated or revoked. The use
            // is noted by the next request past the interval; the key was accepted on what was read.
        }
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

    private static TokenRecord ToToken(TableEntity e) => new(
        e.RowKey,
        e.GetString("name") ?? string.Empty,
        e.GetString("role") ?? Roles.Reader,
        e.GetDateTimeOffset("created") ?? default,
        e.GetBoolean("revoked") == true,
        e.GetDateTimeOffset("revoked_at"));
}
