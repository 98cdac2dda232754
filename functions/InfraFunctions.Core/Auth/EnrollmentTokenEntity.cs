using InfraFunctions.Core.Tags;

namespace InfraFunctions.Core.Auth;

/// <summary>Reads and writes the columns of an enrollment token's row.</summary>
internal static class EnrollmentTokenEntity
{
    public static string TagsJson(IReadOnlyDictionary<string, string> tags) =>
        JsonSerializer.Serialize(new SortedDictionary<string, string>(tags.ToDictionary(), StringComparer.Ordinal), AuthJsonContext.Default.SortedDictionaryStringString);

    public static EnrollmentTokenRecord ToRecord(TableEntity e) => new(
        e.RowKey,
        e.GetString("name") ?? string.Empty,
        e.GetDateTimeOffset("created") ?? default,
        e.GetDateTimeOffset("expires_at") ?? default,
        e.GetInt32("max_hosts"),
        e.GetString("tags") is { Length: > 0 } json ? JsonSerializer.Deserialize(json, AuthJsonContext.Default.SortedDictionaryStringString) ?? [] : new SortedDictionary<string, string>(),
        e.GetString("host_pattern"),
        e.GetInt32("hosts_enrolled") ?? 0,
        e.GetBoolean("revoked") == true,
        e.GetDateTimeOffset("revoked_at"),
        e.GetString("issuer_id"));
}
