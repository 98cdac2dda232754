using System.Text.Json.Serialization;

namespace InfraFunctions.Core.Webhooks;

/// <summary>
/// An Events API v2 alert event: a <c>trigger</c> carries the payload; a <c>resolve</c> needs only the routing key,
/// the action and the dedup key (the alert id), which ties it to the trigger it ends.
/// </summary>
public sealed record PagerDutyEvent(
    string RoutingKey,
    string EventAction,
    string DedupKey,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PagerDutyPayload? Payload = null);

/// <summary>The trigger's payload: <c>summary</c> (at most 1,024 characters), <c>source</c>, <c>severity</c> (critical, error, warning, info) and the optional context fields.</summary>
public sealed record PagerDutyPayload(
    string Summary,
    string Source,
    string Severity,
    string Timestamp,
    string Component,
    string Group,
    string Class,
    IReadOnlyDictionary<string, string> CustomDetails);
