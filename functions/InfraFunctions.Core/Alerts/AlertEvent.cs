namespace InfraFunctions.Core.Alerts;

/// <summary>An alert being raised or resolved, as stored, pushed live and sent to channels.</summary>
/// <param name="Kind"><c>raised</c>, <c>resolved</c>, <c>renotify</c> (still open), <c>flapping</c> (the one summary of a flapping alert) or <c>test</c>.</param>
/// <param name="AlertId">The alert's id.</param>
/// <param name="HostId">The host it concerns.</param>
/// <param name="Metric">cpu, memory, disk, host_down, disk_forecast, or a rule's metric such as <c>disk.percent{mount=/data}</c>.</param>
/// <param name="Severity">warning or critical.</param>
/// <param name="Value">The value that raised or resolved it.</param>
/// <param name="Threshold">The threshold it crossed.</param>
/// <param name="Message">The message, such as "CPU usage critical: 95.1%".</param>
/// <param name="RaisedAt">When it was raised.</param>
/// <param name="ResolvedAt">When it was resolved, if it was.</param>
/// <param name="RuleId">The rule that raised it (see <see cref="AlertRecord.RuleId"/>).</param>
/// <param name="RuleName">The rule's name.</param>
/// <param name="Channels">The channel ids to notify; empty or null for the default channels.</param>
/// <param name="Flapping">The alert is flapping: channels get only its <c>flapping</c> summary until it settles.</param>
public sealed record AlertEvent(
    string Kind,
    string AlertId,
    string HostId,
    string Metric,
    string Severity,
    double Value,
    double Threshold,
    string Message,
    DateTimeOffset RaisedAt,
    DateTimeOffset? ResolvedAt,
    string? RuleId = null,
    string? RuleName = null,
    IReadOnlyList<string>? Channels = null,
    bool Flapping = false)
{
    /// <summary>The event for a stored alert, such as one a sweep sends again.</summary>
    public static AlertEvent Of(AlertRecord a, string kind, string? message = null) => new(
        kind, a.Id, a.HostId, a.Metric, a.Severity, a.ResolvedValue ?? a.Value, a.Threshold, message ?? a.Message, a.RaisedAt, a.ResolvedAt,
        a.RuleId, a.RuleName, a.Channels, a.Flapping);
}
