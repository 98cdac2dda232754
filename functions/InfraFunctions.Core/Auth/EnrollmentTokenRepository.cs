namespace InfraFunctions.Core.Auth;

/// <summary>
/// Enrollment tokens, in <c>tokens</c> under partition <c>enrollment</c>, stored as SHA-256 hashes like every
/// secret; the hosts each one enrolled under partition <c>enrolled-{token id}</c>, one row per host id, so a host
/// enrolling again is not counted twice. The rate window and the counts live in the token's row and change only
/// on its ETag, so they hold across instances.
/// </summary>
public sealed class EnrollmentTokenRepository(TableStore store, TimeProvider time)
{
    private const string Partition = "enrollment";

    public async Task<(EnrollmentTokenRecord Token, string Secret)> CreateAsync(
        string name, DateTimeOffset expiresAt, int? maxHosts, IReadOnlyDictionary<string, string> tags, string? hostPattern, string issuerId, CancellationToken cancellationToken = default)
    {
        var (id, secret) = Secrets.Create(Secrets.EnrollmentPrefix);
        var entity = new TableEntity(Partition, id)
        {
            ["name"] = name,
            ["hash"] = Secrets.Hash(secret),
            ["created"] = time.GetUtcNow(),
            ["expires_at"] = expiresAt,
            ["tags"] = EnrollmentTokenEntity.TagsJson(tags),
            ["hosts_enrolled"] = 0,
            ["revoked"] = false,
            ["issuer_id"] = issuerId,
        };
        if (maxHosts is { } max)
        {
            entity["max_hosts"] = max;
        }

        if (hostPattern is not null)
        {
            entity["host_pattern"] = hostPattern;
        }

        var table = await store.GetTableAsync(TableNames.Tokens, cancellationToken);
        await table.AddEntityAsync(entity, cancellationToken);
        return (EnrollmentTokenEntity.ToRecord(entity), secret);
    }

    /// <summary>The token a secret belongs to, revoked or expired ones included (the caller says which); null when unknown or wrong.</summary>
    public async Task<EnrollmentTokenRecord?> FindBySecretAsync(string? secret, CancellationToken cancellationToken = default)
    {
        var entity = await GetAsync(Secrets.ParseId(Secrets.EnrollmentPrefix, secret), cancellationToken);
        return entity is not null && Secrets.Matches(secret!, entity.GetBinary("hash")) ? EnrollmentTokenEntity.ToRecord(entity) : null;
    }

    public async Task<IReadOnlyList<EnrollmentTokenRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableNames.Tokens, cancellationToken);
        var rows = new List<EnrollmentTokenRecord>();
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken))
        {
            rows.Add(EnrollmentTokenEntity.ToRecord(e));
        }

        return rows;
    }

    /// <summary>Ends the token for good; the keys it already issued stay valid (revoke those one by one).</summary>
    public async Task<bool> RevokeAsync(string tokenId, CancellationToken cancellationToken = default)
    {
        var entity = await GetAsync(Secrets.IsValidId(tokenId) ? tokenId : null, cancellationToken);
        if (entity is null)
        {
            return false;
        }

        var table = await store.GetTableAsync(TableNames.Tokens, cancellationToken);
        await table.UpdateEntityAsync(new TableEntity(Partition, tokenId) { ["revoked"] = true, ["revoked_at"] = time.GetUtcNow() }, ETag.All, TableUpdateMode.Merge, cancellationToken);
        return true;
    }

    /// <summary>
    /// Counts one enrollment of <paramref name="hostId"/> against the token's rate window and, when the token has not
    /// enrolled this host before, against its <c>max_hosts</c>. A refusal counts nothing.
    /// </summary>
    public async Task<EnrollmentAdmission> AdmitAsync(string tokenId, string hostId, CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableNames.Tokens, cancellationToken);
        var hostKey = TableKeys.EncodeHostId(hostId);
        var known = (await table.GetEntityIfExistsAsync<TableEntity>(HostsPartition(tokenId), hostKey, select: ["RowKey"], cancellationToken: cancellationToken)).HasValue;
        for (var attempt = 0; ; attempt++)
        {
            var entity = await GetAsync(tokenId, cancellationToken);
            var now = time.GetUtcNow();
            if (entity is null || EnrollmentTokenEntity.ToRecord(entity) is not { Revoked: false } token || now >= token.ExpiresAt)
            {
                return new EnrollmentAdmission(EnrollmentVerdict.Ended);
            }

            var windowStart = entity.GetDateTimeOffset("window_start");
            var inWindow = entity.GetInt32("window_count") ?? 0;
            if (windowStart is not { } start || now - start >= EnrollmentRules.RateWindow)
            {
                (windowStart, inWindow) = (now, 0);
            }

            if (inWindow >= EnrollmentRules.RatePerWindow)
            {
                return new EnrollmentAdmission(EnrollmentVerdict.RateLimited, windowStart.Value + EnrollmentRules.RateWindow - now);
            }

            if (!known && token.MaxHosts is { } max && token.HostsEnrolled >= max)
            {
                return new EnrollmentAdmission(EnrollmentVerdict.UsedUp);
            }

            entity["window_start"] = windowStart.Value;
            entity["window_count"] = inWindow + 1;
            entity["hosts_enrolled"] = token.HostsEnrolled + (known ? 0 : 1);
            try
            {
                await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
                break;
            }
            catch (RequestFailedException ex) when (ex.Status == 412 && attempt < 20)
            {
                // Another enrollment (on any instance) counted first: count again on what is stored now.
            }
        }

        if (!known)
        {
            // Two first enrollments of one id at the same moment may both count it; the count errs towards refusing.
            await table.UpsertEntityAsync(new TableEntity(HostsPartition(tokenId), hostKey) { ["host_id"] = hostId, ["enrolled"] = time.GetUtcNow() }, TableUpdateMode.Replace, cancellationToken);
        }

        return new EnrollmentAdmission(EnrollmentVerdict.Admitted, KnownHost: known);
    }

    private static string HostsPartition(string tokenId) => $"enrolled-{tokenId}";

    private async Task<TableEntity?> GetAsync(string? id, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            return null;
        }

        var table = await store.GetTableAsync(TableNames.Tokens, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }
}
