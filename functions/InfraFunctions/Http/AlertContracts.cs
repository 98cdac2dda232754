using InfraFunctions.Core.Alerts;

namespace InfraFunctions.Http;

/// <summary>
/// An alert as the API lists it: every field of the stored alert, whether an active silence matches it now, and its
/// host's tags now.
/// </summary>
public sealed record AlertView(
    string Id,
    string HostId,
    string Metric,
    string Severity,
    string State,
    double Value,
    double Threshold,
    string Message,
    DateTimeOffset RaisedAt,
    DateTimeOffset? ResolvedAt,
    double? ResolvedValue,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    string? RuleId,
    string? RuleName,
    IReadOnlyList<string>? Channels,
    int RenotifyMinutes,
    bool NoData,
    bool Flapping,
    string? HeldFor,
    DateTimeOffset? NotifiedAt,
    string? SilenceId,
    bool Silenced,
    IReadOnlyDictionary<string, string> Tags)
{
    public static AlertView Of(AlertRecord a, bool silenced, IReadOnlyDictionary<string, string> tags) => new(
        a.Id, a.HostId, a.Metric, a.Severity, a.State, a.Value, a.Threshold, a.Message, a.RaisedAt, a.ResolvedAt, a.ResolvedValue,
        a.AcknowledgedAt, a.AcknowledgedBy, a.RuleId, a.RuleName, a.Channels, a.RenotifyMinutes, a.NoData, a.Flapping, a.HeldFor,
        a.NotifiedAt, a.SilenceId, silenced, tags);
}

public sealed record AlertsResponse(string Status, int Count, IReadOnlyList<AlertView> Alerts);

public sealed record AlertResponse(string Status, AlertView Alert);
