namespace InfraFunctions.Core.Alerts;

/// <summary>An alert being raised or resolved, as stored, pushed live and sent to webhooks.</summary>
/// <param name="Kind"><c>raised</c> or <c>resolved</c>.</param>
/// <param name="AlertId">The alert's id.</param>
/// <param name="HostId">The host it concerns.</param>
/// <param name="Metric">cpu, memory, disk, host_down, disk_forecast...</param>
/// <param name="Severity">warning or critical.</param>
/// <param name="Value">The value that raised or resolved it.</param>
/// <param name="Threshold">The threshold it crossed.</param>
/// <param name="Message">The message, such as "CPU usage critical: 95.1%".</param>
/// <param name="RaisedAt">When it was raised.</param>
/// <param name="ResolvedAt">When it was resolved, if it was.</param>
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
    DateTimeOffset? ResolvedAt);
