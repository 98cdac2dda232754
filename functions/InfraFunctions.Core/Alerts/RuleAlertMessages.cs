using InfraFunctions.Core.Rules;

namespace InfraFunctions.Core.Alerts;

/// <summary>
/// The messages of rules' alerts: each names the rule, the metric, the value, the level and the condition, such as
/// "Data disk full critical: disk.percent{mount=/data} is 96.2%, at or above 95%". The built-in rules keep the fixed
/// forms of <see cref="HealthMessages"/> ("CPU usage critical: 95.1%"), which scripts match.
/// </summary>
public static class RuleAlertMessages
{
    public static string Raised(MatchedRule r, string severity, double value, double level) =>
        r.Label is { } label
            ? HealthMessages.UsageAt(label, severity, value)
            : Invariant($"{r.Rule.Name} {severity}: {r.Rule.Metric} is {Number(value, r.Unit)}, {(Below(r) ? "at or below" : "at or above")} {Number(level, r.Unit)}");

    public static string Resolved(MatchedRule r, string severity, double value, double level)
    {
        var back = Below(r) ? level + r.Rule.ClearMargin : level - r.Rule.ClearMargin;
        return r.Label is { } label
            ? HealthMessages.UsageBackBelow(label, back, value)
            : Invariant($"{r.Rule.Name} {severity} cleared: {r.Rule.Metric} is {Number(value, r.Unit)}, back {(Below(r) ? "above" : "below")} {Number(back, r.Unit)} (the level {Number(level, r.Unit)} with a clear margin of {Number(r.Rule.ClearMargin, string.Empty)})");
    }

    public static string Deleted(string ruleId) => $"The rule {ruleId} was deleted";

    public static string Disabled(RuleDefinition rule) => $"The rule {rule.Name} ({rule.Id}) was disabled";

    public static string OutOfScope(RuleDefinition rule) => $"The rule {rule.Name} ({rule.Id}) no longer applies to this host";

    public static string LevelRemoved(RuleDefinition rule, string severity) => $"The rule {rule.Name} ({rule.Id}) no longer has a {severity} level";

    public static string MetricChanged(RuleDefinition rule, string before) => $"The rule {rule.Name} ({rule.Id}) now watches {rule.Metric} instead of {before}";

    public static string FlappingStarted(AlertRecord alert, int transitions, int windowMinutes) =>
        Invariant($"{alert.Message}: flapping, more than {transitions} raises and resolves in {windowMinutes} min; its notifications are held until it settles");

    public static string Settled(AlertRecord alert) =>
        alert.State == AlertStates.Resolved ? $"{alert.Message}: stopped flapping, resolved" : $"{alert.Message}: stopped flapping, still open";

    private static bool Below(MatchedRule r) => r.Rule.Condition == RuleConditions.Below;

    private static string Number(double value, string unit) =>
        value.ToString("0.##", CultureInfo.InvariantCulture) + (unit.Length == 0 ? string.Empty : unit == "%" ? "%" : " " + unit);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
