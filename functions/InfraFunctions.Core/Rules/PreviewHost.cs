namespace InfraFunctions.Core.Rules;

/// <summary>
/// One in-scope host in a rule's preview: its value of the rule's metric in its latest sample (null when the sample does
/// not carry it), the level it would fire at now ignoring the duration (<c>critical</c>, <c>warning</c> or null), and
/// whether the host has gone silent.
/// </summary>
public sealed record PreviewHost(string HostId, string Hostname, double? Value, string? WouldFire, bool Stale);
