namespace InfraFunctions.Agent.Collectors.Systemd;

/// <summary>One entry of systemd's <c>ListUnits</c> that the agent reports: a failed or a watched unit.</summary>
internal sealed record ListedUnit(string Name, string LoadState, string ActiveState, string SubState, string Path);
