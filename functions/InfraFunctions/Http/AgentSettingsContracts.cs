using System.Text.Json.Serialization;

namespace InfraFunctions.Http;

/// <summary>The body of <c>PUT agent-settings</c>: the fields of <see cref="AgentSettings"/> an operator sets. Unknown fields (<c>sources</c> among them, which the server fills) are refused.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record AgentSettingsRequest(
    IReadOnlyList<string>? Watch = null,
    int? Top = null,
    double? SampleIntervalSeconds = null,
    IReadOnlyList<string>? Collectors = null);

/// <summary>One scope's settings: <c>scope</c> is <c>host</c> (with <c>host_id</c>) or <c>tag</c> (with <c>tag</c>, <c>key:value</c>).</summary>
public sealed record AgentSettingsScopeView(string Scope, string? HostId, string? Tag, AgentSettings Settings, DateTimeOffset UpdatedAt, string UpdatedBy);

public sealed record AgentSettingsListResponse(IReadOnlyList<AgentSettingsScopeView> Scopes);

/// <summary>
/// One host: the merged settings its ingest replies carry (with each field's source), the settings in force it last
/// reported and when, or why the last report was not kept.
/// </summary>
public sealed record HostAgentSettingsResponse(
    string HostId,
    AgentSettings Settings,
    IReadOnlyList<SettingInForce> InForce,
    DateTimeOffset? ReportedAt,
    string? InForceProblem);
