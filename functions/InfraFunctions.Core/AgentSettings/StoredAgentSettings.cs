namespace InfraFunctions.Core.AgentSettings;

/// <summary>One scope's settings as stored, and who last changed them.</summary>
public sealed record StoredAgentSettings(AgentSettingScope Scope, Contracts.AgentSettings Settings, DateTimeOffset UpdatedAt, string UpdatedBy);
