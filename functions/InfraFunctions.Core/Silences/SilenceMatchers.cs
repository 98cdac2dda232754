namespace InfraFunctions.Core.Silences;

/// <summary>
/// Which alerts a silence holds: every matcher given must match (AND); a silence has at least one.
/// </summary>
/// <param name="Host">One host's alerts.</param>
/// <param name="Tags">Alerts of hosts carrying every one of these tags now.</param>
/// <param name="RuleId">One rule's alerts, such as <c>builtin-cpu</c> or <c>rule-0123456789ab</c>.</param>
public sealed record SilenceMatchers(string? Host = null, IReadOnlyDictionary<string, string>? Tags = null, string? RuleId = null)
{
    public bool IsEmpty => Host is null && Tags is not { Count: > 0 } && RuleId is null;

    public bool Matches(string hostId, string? ruleId, Tags.HostTags hostTags) =>
        !IsEmpty
        && (Host is null || string.Equals(Host, hostId, StringComparison.Ordinal))
        && (RuleId is null || string.Equals(RuleId, ruleId, StringComparison.Ordinal))
        && (Tags is not { Count: > 0 } selector || hostTags.Matches(selector));
}
