namespace InfraFunctions.Core.Rules;

/// <summary>The rules in force when none are stored: the built-in threshold rules alone.</summary>
public sealed class BuiltInRuleSource(IOptionsMonitor<ThresholdOptions> thresholds, IOptionsMonitor<AlertOptions> alerts) : IRuleSource
{
    public TimeSpan CacheFor => TimeSpan.Zero;

    public ValueTask<IReadOnlyList<RuleDefinition>> ListAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(BuiltInRules.Thresholds(thresholds.CurrentValue, alerts.CurrentValue));
}
