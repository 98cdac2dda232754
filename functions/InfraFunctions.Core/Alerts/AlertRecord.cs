namespace InfraFunctions.Core.Alerts;

/// <summary>An alert as stored in the <c>alerts</c> table and listed by the API.</summary>
public sealed record AlertRecord(
    string Id,
    string HostId,
    string Metric,
    string Severity,
    string State,
    double Value,
    double Threshold,
    string Message,
    DateTimeOffset RaisedAt,
    DateTimeOffset? ResolvedAt = null,
    double? ResolvedValue = null,
    DateTimeOffset? AcknowledgedAt = null,
    string? AcknowledgedBy = null);
