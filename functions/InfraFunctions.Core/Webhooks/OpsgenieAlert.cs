namespace InfraFunctions.Core.Webhooks;

/// <summary>Opsgenie Alert API v2 create request: <c>message</c> at most 130 characters, <c>alias</c> (the alert id) deduplicates and closes it later.</summary>
public sealed record OpsgenieAlert(
    string Message,
    string Alias,
    string Description,
    string Priority,
    string Source,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, string> Details);

/// <summary>Opsgenie Alert API v2 close request, sent to <c>/v2/alerts/{alias}/close?identifierType=alias</c>.</summary>
public sealed record OpsgenieClose(string Source, string Note);
