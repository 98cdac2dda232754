using System.Text.Json.Serialization;
using InfraFunctions.Core.Rules;

namespace InfraFunctions.Http;

/// <summary>A rule's scope in replies: both fields always present, null when not set (both null: every host).</summary>
public sealed record RuleScopeView(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Host,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] IReadOnlyDictionary<string, string>? Tags);

/// <summary>A rule as the API shows it; a level it does not have, and who changed it for a rule never changed, are null.</summary>
public sealed record RuleView(
    string Id,
    string Name,
    string Metric,
    RuleScopeView Scope,
    string Condition,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Warning,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Critical,
    int DurationSeconds,
    double ClearMargin,
    IReadOnlyList<string> Channels,
    int RenotifyMinutes,
    bool Enabled,
    bool BuiltIn,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? UpdatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? UpdatedBy)
{
    public static RuleView Of(RuleDefinition rule) => new(
        rule.Id, rule.Name, rule.Metric, new RuleScopeView(rule.Scope.Host, rule.Scope.Tags), rule.Condition, rule.Warning, rule.Critical,
        rule.DurationSeconds, rule.ClearMargin, rule.Channels, rule.RenotifyMinutes, rule.Enabled, rule.BuiltIn, rule.UpdatedAt, rule.UpdatedBy);
}

public sealed record RulesResponse(string Status, int Count, IReadOnlyList<RuleView> Rules);

public sealed record RuleResponse(string Status, RuleView Rule);

public sealed record RuleDeletedResponse(string Status, string Deleted);

/// <summary>One series hosts report now, with how many do.</summary>
public sealed record RuleMetricView(string Metric, string Family, string Title, string Unit, int Hosts);

/// <summary>A kind of metric: the label that picks one of its series (null for none), and whether that label may be left out.</summary>
public sealed record RuleMetricFamilyView(
    string Name,
    string Title,
    string Unit,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Label,
    bool LabelOptional);

public sealed record RuleMetricsResponse(string Status, int Count, IReadOnlyList<RuleMetricView> Metrics, IReadOnlyList<RuleMetricFamilyView> Families);

public sealed record RulePreviewHostView(
    string HostId,
    string Hostname,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Value,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? WouldFire,
    bool Stale);

public sealed record RulePreviewResponse(string Status, int Matched, IReadOnlyList<RulePreviewHostView> Hosts);
