namespace InfraFunctions.Core.Auth;

/// <summary>
/// An agent key's row, without its secret or its hash. <see cref="IssuedBy"/> says which route issued it
/// (<see cref="AgentIssuers"/>), <see cref="IssuerId"/> the operator's or enrollment token's id; after a rotation the
/// previous key keeps working until <see cref="OldKeyExpiresAt"/>.
/// </summary>
public sealed record AgentRecord(
    string AgentId,
    string Name,
    IReadOnlyList<string> HostIds,
    DateTimeOffset Created,
    bool Revoked,
    DateTimeOffset? RevokedAt,
    string IssuedBy = AgentIssuers.Admin,
    string? IssuerId = null,
    DateTimeOffset? LastUsed = null,
    DateTimeOffset? RotatedAt = null,
    DateTimeOffset? OldKeyExpiresAt = null);
