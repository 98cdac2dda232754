namespace InfraFunctions.Contracts;

/// <summary>A systemd unit as systemd reports it over D-Bus: every failed unit, and every watched one.</summary>
/// <param name="Name">Unit name, such as <c>nginx.service</c>.</param>
/// <param name="ActiveState">active, reloading, inactive, failed, activating or deactivating.</param>
/// <param name="SubState">The unit type's own state, such as running, dead, exited or failed.</param>
/// <param name="Restarts">How often systemd restarted the service (<c>NRestarts</c>); 0 for units that are not services.</param>
/// <param name="Watched">True when the unit is one the agent was told to watch.</param>
public sealed record SystemdUnit(
    string Name,
    string ActiveState,
    string SubState,
    long Restarts = 0,
    bool Watched = false);
