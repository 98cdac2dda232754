namespace InfraFunctions.Http;

public sealed record CreateEnrollmentTokenRequest(
    string? Name,
    string? ExpiresAt,
    long? MaxHosts = null,
    IReadOnlyDictionary<string, string>? Tags = null,
    string? HostPattern = null);

/// <summary>An enrollment token as operators see it: never its secret or hash; <c>token</c> only in the reply that issued it.</summary>
public sealed record EnrollmentTokenView(
    string TokenId,
    string Name,
    DateTimeOffset Created,
    DateTimeOffset ExpiresAt,
    bool Expired,
    int? MaxHosts,
    int HostsEnrolled,
    IReadOnlyDictionary<string, string> Tags,
    string? HostPattern,
    bool Revoked,
    DateTimeOffset? RevokedAt,
    string? IssuerId,
    string? Token = null,
    string? InstallCommand = null);

public sealed record EnrollmentTokensResponse(IReadOnlyList<EnrollmentTokenView> EnrollmentTokens);

public sealed record EnrollRequest(string? HostId);

public sealed record EnrollResponse(string AgentId, string Key, string HostId);
