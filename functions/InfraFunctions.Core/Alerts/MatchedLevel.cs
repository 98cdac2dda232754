namespace InfraFunctions.Core.Alerts;

/// <summary>One level of a rule in force: its severity, its track's key, and its level (null for the host's threshold).</summary>
public sealed record MatchedLevel(string Severity, string Key, double? Level);
