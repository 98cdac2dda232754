using InfraFunctions.Core.Rules;

namespace InfraFunctions.Core.Alerts;

/// <summary>
/// A rule in force for one host, ready to evaluate: its metric parsed once, the alert metric and track key of each of
/// its levels. A built-in threshold rule takes its levels from the host's thresholds, so per-host overrides still count.
/// </summary>
/// <param name="Label">The built-in rules' word for their metric ("CPU"), for their fixed messages; null for other rules.</param>
/// <param name="Unit">The metric's unit, such as <c>%</c>, for messages; empty when it has none.</param>
public sealed record MatchedRule(RuleDefinition Rule, MetricPath Path, string AlertMetric, string? Label, string Unit, IReadOnlyList<MatchedLevel> Levels)
{
    public AlertOrigin Origin { get; } = new(Rule.Id, Rule.Name, Rule.Channels, Rule.RenotifyMinutes);

    /// <summary>The rule ready to evaluate, or null when its metric cannot be read (a rule stored by an older or newer version).</summary>
    public static MatchedRule? Of(RuleDefinition rule)
    {
        if (!MetricPath.TryParse(rule.Metric, out var path, out _))
        {
            return null;
        }

        var unit = RuleMetrics.Families.FirstOrDefault(f => f.Name == path.Name)?.Unit ?? string.Empty;
        if (rule.BuiltIn && BuiltInRules.AlertMetric(rule.Id) is { } builtIn)
        {
            var levels = Severity.All.Select(s => new MatchedLevel(s, AlertTrackStore.Key(builtIn, s), null)).ToArray();
            return new MatchedRule(rule, path, builtIn, RuleTracks.LabelOf(builtIn), unit, levels);
        }

        var own = new[] { (Severity.Warning, rule.Warning), (Severity.Critical, rule.Critical) }
            .Where(l => l.Item2 is not null)
            .Select(l => new MatchedLevel(l.Item1, RuleTracks.Key(rule.Id, l.Item1), l.Item2))
            .ToArray();
        return new MatchedRule(rule, path, rule.Metric, null, unit, own);
    }

    /// <summary>The level of <paramref name="level"/> for this host.</summary>
    public double LevelFor(MatchedLevel level, ThresholdSet thresholds) => level.Level ?? (AlertMetric, level.Severity) switch
    {
        ("cpu", Severity.Warning) => thresholds.CpuWarning,
        ("cpu", _) => thresholds.CpuCritical,
        ("memory", Severity.Warning) => thresholds.MemoryWarning,
        ("memory", _) => thresholds.MemoryCritical,
        (_, Severity.Warning) => thresholds.DiskWarning,
        _ => thresholds.DiskCritical,
    };
}
