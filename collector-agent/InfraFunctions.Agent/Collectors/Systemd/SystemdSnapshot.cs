using InfraFunctions.Contracts;

namespace InfraFunctions.Agent.Collectors.Systemd;

/// <summary>The units of the latest good query, and why the last query failed when it did.</summary>
internal sealed record SystemdSnapshot(IReadOnlyList<SystemdUnit> Units, string? Error)
{
    public static readonly SystemdSnapshot Empty = new([], null);
}
