namespace InfraFunctions.Core.AgentSettings;

/// <summary>What a set of operator-chosen agent settings applies to: one host, or every host carrying one tag.</summary>
/// <param name="HostId">The host, for a host scope.</param>
/// <param name="TagKey">The tag's key, for a tag scope.</param>
/// <param name="TagValue">The tag's value, for a tag scope.</param>
public sealed record AgentSettingScope(string? HostId, string? TagKey, string? TagValue)
{
    public const string HostKind = "host";
    public const string TagKind = "tag";

    public static AgentSettingScope ForHost(string hostId) => new(hostId, null, null);

    public static AgentSettingScope ForTag(string key, string value) => new(null, key, value);

    public bool IsHost => HostId is not null;

    /// <summary><c>host</c> or <c>tag</c>, as the API names the scope.</summary>
    public string Kind => IsHost ? HostKind : TagKind;

    /// <summary>The tag as a <c>?tag=</c> selector reads it, <c>key:value</c>; null for a host scope.</summary>
    public string? Tag => IsHost ? null : $"{TagKey}:{TagValue}";

    /// <summary>What <see cref="Contracts.AgentSettings.Sources"/> records for a field this scope set: <c>host</c> or <c>tag key=value</c>.</summary>
    public string Source => IsHost ? HostKind : $"{TagKind} {TagKey}={TagValue}";
}
