using InfraFunctions.Core.Options;
using InfraFunctions.Core.Rules;

namespace InfraFunctions.Core.Tests.Alerts;

/// <summary>The rules in force as a test sets them: the built-in threshold rules and any others, replaced as a whole like a stored list.</summary>
internal sealed class RuleSourceForTests : IRuleSource
{
    private IReadOnlyList<RuleDefinition> _rules = BuiltIns;

    public static IReadOnlyList<RuleDefinition> BuiltIns { get; } = BuiltInRules.Thresholds(new ThresholdOptions(), new AlertOptions());

    public TimeSpan CacheFor => TimeSpan.Zero;

    public void Set(params RuleDefinition[] rules) => _rules = [.. BuiltIns, .. rules];

    public void SetExactly(params RuleDefinition[] rules) => _rules = rules;

    public ValueTask<IReadOnlyList<RuleDefinition>> ListAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(_rules);
}
