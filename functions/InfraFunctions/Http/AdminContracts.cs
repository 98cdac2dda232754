namespace InfraFunctions.Http;

public sealed record CreateAgentRequest(IReadOnlyList<string>? HostIds, string? Name = null);

public sealed record CreateAgentResponse(string AgentId, string Key, string Name, IReadOnlyList<string> HostIds);

public sealed record CreateTokenRequest(string? Role, string? Name);

public sealed record CreateTokenResponse(string TokenId, string Token, string Role, string Name);

public sealed record AgentsResponse(IReadOnlyList<Core.Auth.AgentRecord> Agents);

public sealed record TokensResponse(IReadOnlyList<Core.Auth.TokenRecord> Tokens);

public sealed record RevokedResponse(string Id, bool Revoked);
