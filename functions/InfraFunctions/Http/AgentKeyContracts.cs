namespace InfraFunctions.Http;

public sealed record IssueAgentKeyRequest(string? HostId, IReadOnlyDictionary<string, string>? Tags = null, string? Name = null);

public sealed record IssueAgentKeyResponse(string AgentId, string Key, string InstallCommand, string HostId, IReadOnlyDictionary<string, string> Tags);

public sealed record RotateAgentKeyRequest(long? GraceSeconds = null);

public sealed record RotateAgentKeyResponse(string AgentId, string Key, string InstallCommand, DateTimeOffset OldKeyExpiresAt);

/// <summary>An agent key as operators see it: never its secret or hash.</summary>
public sealed record AgentKeyView(
    string AgentId,
    string Name,
    IReadOnlyList<string> HostIds,
    DateTimeOffset Created,
    DateTimeOffset? LastUsed,
    bool Revoked,
    DateTimeOffset? RevokedAt,
    string IssuedBy,
    string? IssuerId,
    DateTimeOffset? RotatedAt,
    DateTimeOffset? OldKeyExpiresAt,
    IReadOnlyDictionary<string, string> Tags);

public sealed record AgentKeysResponse(IReadOnlyList<AgentKeyView> Agents);

public sealed record AgentIdentityResponse(string AgentId, IReadOnlyList<string> HostIds);

public sealed record CallerIdentityResponse(string Role, string Name, string TokenId);
