namespace InfraFunctions.Core.Rules;

/// <summary>
/// An alert rule: a metric of each sample (<see cref="MetricPath"/>) compared <see cref="Condition"/> a warning and/or
/// a critical level, for hosts in <see cref="Scope"/>. A level must hold for <see cref="DurationSeconds"/> to raise,
/// and clear past the level by <see cref="ClearMargin"/> for as long to resolve. Each level is its own alert.
/// </summary>
/// <param name="Id">The rule's id; built-in rules have fixed ids (<see cref="BuiltInRules"/>).</param>
/// <param name="Name">What people call it, shown on its alerts.</param>
/// <param name="Metric">The metric, in the text form <see cref="MetricPath"/> reads, such as <c>disk.percent{mount=/data}</c>.</param>
/// <param name="Scope">The hosts it applies to.</param>
/// <param name="Condition"><see cref="RuleConditions.Above"/> or <see cref="RuleConditions.Below"/>.</param>
/// <param name="Warning">The warning level, if any.</param>
/// <param name="Critical">The critical level, if any.</param>
/// <param name="DurationSeconds">How long a level must hold before it raises; 0 raises on the first sample.</param>
/// <param name="ClearMargin">The dead band: an alert resolves only this far back past its level.</param>
/// <param name="Channels">Channel ids to notify; empty for the default channels.</param>
/// <param name="RenotifyMinutes">Send an open alert again this often; 0 never.</param>
/// <param name="Enabled">A disabled rule raises nothing and resolves what it raised.</param>
/// <param name="BuiltIn">One of the built-in rules: listed always, never deleted; its levels are the thresholds.</param>
/// <param name="UpdatedAt">When it was last changed, if ever.</param>
/// <param name="UpdatedBy">Who changed it last.</param>
public sealed record RuleDefinition(
    string Id,
    string Name,
    string Metric,
    RuleScope Scope,
    string Condition,
    double? Warning,
    double? Critical,
    int DurationSeconds,
    double ClearMargin,
    IReadOnlyList<string> Channels,
    int RenotifyMinutes,
    bool Enabled = true,
    bool BuiltIn = false,
    DateTimeOffset? UpdatedAt = null,
    string? UpdatedBy = null)
{
    /// <summary>The level the value has reached for <paramref name="severity"/>: at or above it for an "above" rule, at or below for "below".</summary>
    public bool Breaches(double value, double level) => Condition == RuleConditions.Below ? value <= level : value >= level;

    /// <summary>The value is back past the level by the clear margin.</summary>
    public bool Clears(double value, double level) => Condition == RuleConditions.Below ? value > level + ClearMargin : value < level - ClearMargin;
}
