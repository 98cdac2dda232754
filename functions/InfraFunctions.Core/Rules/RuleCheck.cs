namespace InfraFunctions.Core.Rules;

/// <summary>The outcome of validating a <see cref="RuleDraft"/>: the rule it describes (id not yet given), or its errors by JSON field path.</summary>
public sealed record RuleCheck(RuleDefinition? Rule, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
