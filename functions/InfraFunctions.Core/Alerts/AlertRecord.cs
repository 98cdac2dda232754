namespace InfraFunctions.Core.Alerts;

/// <summary>An alert as stored in the <c>alerts</c> table and listed by the API.</summary>
/// <param name="RuleId">The rule that raised it: a rule's id, or a built-in such as <c>builtin-cpu</c> or <c>builtin-host-down</c>.</param>
/// <param name="RuleName">The rule's name when it was raised.</param>
/// <param name="Channels">The channel ids its rule notifies; empty for the default channels.</param>
/// <param name="RenotifyMinutes">While open and not held, it is sent again this often; 0 never.</param>
/// <param name="NoData">Its host or its series stopped reporting while it was open: a gap is never a recovery.</param>
/// <param name="Flapping">It raised and resolved too often lately; its notifications are held to one summary until it settles.</param>
/// <param name="HeldFor">Why its notification is held (<c>silenced</c> or <c>flapping</c>), until it is sent once.</param>
/// <param name="NotifiedAt">When channels were last sent it (raise or re-notify); null while it was never sent.</param>
/// <param name="SilenceId">The silence that held it, while it does.</param>
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
    string? AcknowledgedBy = null,
    string? RuleId = null,
    string? RuleName = null,
    IReadOnlyList<string>? Channels = null,
    int RenotifyMinutes = 0,
    bool NoData = false,
    bool Flapping = false,
    string? HeldFor = null,
    DateTimeOffset? NotifiedAt = null,
    string? SilenceId = null);
