using System.Text.Json;

namespace InfraFunctions.Core.Rules;

/// <summary>
/// A rule as a row of the <c>rules</c> table (partition <c>rule</c>, row key = id): scope tags and channels are JSON
/// columns. A built-in rule's row keeps only what an operator may change about it.
/// </summary>
internal static class RuleEntityMapper
{
    public const string Partition = "rule";

    public static TableEntity ToEntity(RuleDefinition rule)
    {
        var entity = new TableEntity(Partition, rule.Id)
        {
            ["name"] = rule.Name,
            ["duration_seconds"] = rule.DurationSeconds,
            ["clear_margin"] = rule.ClearMargin,
            ["channels"] = JsonSerializer.Serialize(rule.Channels.ToArray(), RulesJsonContext.Default.StringArray),
            ["renotify_minutes"] = rule.RenotifyMinutes,
            ["enabled"] = rule.Enabled,
            ["updated_at"] = rule.UpdatedAt,
            ["updated_by"] = rule.UpdatedBy,
        };
        if (!rule.BuiltIn)
        {
            entity["metric"] = rule.Metric;
            entity["scope_host"] = rule.Scope.Host;
            entity["scope_tags"] = rule.Scope.Tags is { } tags
                ? JsonSerializer.Serialize(new SortedDictionary<string, string>(tags.ToDictionary(), StringComparer.Ordinal), RulesJsonContext.Default.SortedDictionaryStringString)
                : null;
            entity["condition"] = rule.Condition;
            entity["warning"] = rule.Warning;
            entity["critical"] = rule.Critical;
        }

        return entity;
    }

    public static RuleDefinition ToRule(TableEntity e) => new(
        e.RowKey,
        e.GetString("name") ?? e.RowKey,
        e.GetString("metric") ?? string.Empty,
        new RuleScope(e.GetString("scope_host"), e.GetString("scope_tags") is { Length: > 0 } tags ? JsonSerializer.Deserialize(tags, RulesJsonContext.Default.SortedDictionaryStringString) : null),
        e.GetString("condition") ?? RuleConditions.Above,
        e.GetDouble("warning"),
        e.GetDouble("critical"),
        e.GetInt32("duration_seconds") ?? 0,
        e.GetDouble("clear_margin") ?? 0,
        Channels(e),
        e.GetInt32("renotify_minutes") ?? 0,
        e.GetBoolean("enabled") ?? true,
        BuiltIn: false,
        e.GetDateTimeOffset("updated_at"),
        e.GetString("updated_by"));

    /// <summary>A built-in rule with what its row changes applied; its metric, scope, condition and levels stay its own.</summary>
    public static RuleDefinition Apply(RuleDefinition builtIn, TableEntity e) => builtIn with
    {
        Name = e.GetString("name") ?? builtIn.Name,
        DurationSeconds = e.GetInt32("duration_seconds") ?? builtIn.DurationSeconds,
        ClearMargin = e.GetDouble("clear_margin") ?? builtIn.ClearMargin,
        Channels = Channels(e),
        RenotifyMinutes = e.GetInt32("renotify_minutes") ?? builtIn.RenotifyMinutes,
        Enabled = e.GetBoolean("enabled") ?? builtIn.Enabled,
        UpdatedAt = e.GetDateTimeOffset("updated_at"),
        UpdatedBy = e.GetString("updated_by"),
    };

    private static string[] Channels(TableEntity e) =>
        e.GetString("channels") is { Length: > 0 } json ? JsonSerializer.Deserialize(json, RulesJsonContext.Default.StringArray) ?? [] : [];
}
