namespace InfraFunctions.Core.Auth;

/// <summary>
/// An enrollment token's row, without its secret: until <see cref="ExpiresAt"/>, unless revoked, it issues agent
/// keys to hosts whose id matches <see cref="HostPattern"/> (any id when null), for at most <see cref="MaxHosts"/>
/// distinct hosts (no limit when null), and gives each host <see cref="Tags"/>.
/// </summary>
public sealed record EnrollmentTokenRecord(
    string TokenId,
    string Name,
    DateTimeOffset Created,
    DateTimeOffset ExpiresAt,
    int? MaxHosts,
    IReadOnlyDictionary<string, string> Tags,
    string? HostPattern,
    int HostsEnrolled,
    bool Revoked,
    DateTimeOffset? RevokedAt,
    string? IssuerId);
