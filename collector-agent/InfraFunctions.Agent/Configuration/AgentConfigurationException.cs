namespace InfraFunctions.Agent;

/// <summary>A setting is missing or invalid; the message names it and where it can be set.</summary>
internal sealed class AgentConfigurationException(string message) : Exception(message);
