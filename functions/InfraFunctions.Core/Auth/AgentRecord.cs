namespace InfraFunctions.Core.Auth;

/// <summary>An agent key's row, without its secret.</summary>
public sealed record AgentRecord(string AgentId, string Name, IReadOnlyList<string> HostIds, DateTimeOffset Created, bool Revoked, DateTimeOffset? RevokedAt);
