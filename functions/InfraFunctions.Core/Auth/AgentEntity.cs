namespace InfraFunctions.Core.Auth;

/// <summary>
/// The columns of an agent key's row in <c>agents</c>: <c>hash</c> is the key's SHA-256; after a rotation
/// <c>previous_hash</c> is the replaced key's, accepted until <c>previous_expires</c>. Rows written before keys were
/// issued by anyone but an admin have no <c>issued_by</c>, and read as <see cref="AgentIssuers.Admin"/>.
/// </summary>
internal static class AgentEntity
{
    public const string Partition = "agent";

    public static TableEntity Create(string id, string name, string key, IReadOnlyList<string> hostIds, string issuedBy, string? issuerId, DateTimeOffset now)
    {
        var entity = new TableEntity(Partition, id)
        {
            ["name"] = name,
            ["hash"] = Secrets.Hash(key),
            ["host_ids"] = HostIdsJson(hostIds),
            ["created"] = now,
            ["revoked"] = false,
            ["issued_by"] = issuedBy,
        };
        if (issuerId is not null)
        {
            entity["issuer_id"] = issuerId;
        }

        return entity;
    }

    public static string HostIdsJson(IReadOnlyList<string> hostIds) =>
        JsonSerializer.Serialize(hostIds, StorageJsonContext.Default.IReadOnlyListString);

    /// <summary>Whether <paramref name="key"/> is the row's current key, or its previous one before that expires.</summary>
    public static bool Accepts(TableEntity e, string key, DateTimeOffset now) =>
        e.GetBoolean("revoked") != true
        && (Secrets.Matches(key, e.GetBinary("hash"))
            || (e.GetDateTimeOffset("previous_expires") is { } expires && now < expires && Secrets.Matches(key, e.GetBinary("previous_hash"))));

    public static AgentRecord ToRecord(TableEntity e) => new(
        e.RowKey,
        e.GetString("name") ?? string.Empty,
        JsonSerializer.Deserialize(e.GetString("host_ids") ?? "[]", StorageJsonContext.Default.IReadOnlyListString) ?? [],
        e.GetDateTimeOffset("created") ?? default,
        e.GetBoolean("revoked") == true,
        e.GetDateTimeOffset("revoked_at"),
        e.GetString("issued_by") ?? AgentIssuers.Admin,
        e.GetString("issuer_id"),
        e.GetDateTimeOffset("last_used"),
        e.GetDateTimeOffset("rotated_at"),
        e.GetDateTimeOffset("previous_expires"));
}
