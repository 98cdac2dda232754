namespace InfraFunctions.Core.Alerts;

/// <summary>The rule an alert comes from and where it is routed; every alert has one, the built-in checks included.</summary>
/// <param name="RuleId">The rule's id (<see cref="Rules.BuiltInRules"/> names the built-in ones).</param>
/// <param name="RuleName">Its name, kept on the alert as it was when raised.</param>
/// <param name="Channels">Channel ids to notify; empty for the default channels.</param>
/// <param name="RenotifyMinutes">Send an open alert again this often; 0 never.</param>
public sealed record AlertOrigin(string RuleId, string? RuleName = null, IReadOnlyList<string>? Channels = null, int RenotifyMinutes = 0)
{
    /// <summary>The built-in rule behind an alert of <paramref name="metric"/> raised without a rule of its own.</summary>
    public static AlertOrigin BuiltIn(string metric) => new(Rules.BuiltInRules.IdFor(metric));
}
