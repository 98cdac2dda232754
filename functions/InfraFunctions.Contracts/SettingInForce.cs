namespace InfraFunctions.Contracts;

/// <summary>One agent setting as the agent applies it, and where its value came from; the agent reports these with every batch.</summary>
/// <param name="Name">The setting's name in the configuration file, such as <c>watch</c> or <c>sample_interval_seconds</c>.</param>
/// <param name="Value">The value as text: numbers in invariant form, lists comma-separated.</param>
/// <param name="Source">One of <see cref="AgentSettingRules.Sources"/>.</param>
/// <param name="Scope">For a value from the server, what it was set for: <c>host</c>, or <c>tag key=value</c>.</param>
public sealed record SettingInForce(string Name, string Value, string Source, string? Scope = null);
