namespace InfraFunctions.Core.Alerts;

/// <summary>What a disk-forecast sweep found: the hosts projected full within 14 days, and the alerts it raised and resolved.</summary>
public sealed record DiskForecastReport(DateTimeOffset RanAt, int HostsChecked, IReadOnlyList<string> Warned, IReadOnlyList<string> Raised, IReadOnlyList<string> Resolved);
