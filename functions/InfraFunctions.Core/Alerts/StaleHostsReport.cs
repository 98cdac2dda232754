namespace InfraFunctions.Core.Alerts;

/// <summary>What a stale-host sweep found.</summary>
public sealed record StaleHostsReport(DateTimeOffset RanAt, int HostsChecked, IReadOnlyList<string> Down, IReadOnlyList<string> Raised, IReadOnlyList<string> Resolved);
