using InfraFunctions.Core.Rules;
using InfraFunctions.Core.Tags;

namespace InfraFunctions.Core.Alerts;

/// <summary>The enabled rules whose scope takes in one host, from one list of rules and the host's tags, and the keys of their tracks.</summary>
public sealed record HostRuleSet(IReadOnlyList<RuleDefinition> Source, HostTags Tags, DateTimeOffset Until, IReadOnlyList<MatchedRule> Rules, IReadOnlySet<string> Keys)
{
    public static HostRuleSet Build(string hostId, IReadOnlyList<RuleDefinition> source, HostTags tags, DateTimeOffset until)
    {
        var rules = source.Where(r => r.Enabled && r.Scope.Matches(hostId, tags)).Select(MatchedRule.Of).OfType<MatchedRule>().ToArray();
        var keys = rules.SelectMany(r => r.Levels.Select(l => l.Key)).ToHashSet(StringComparer.Ordinal);
        return new HostRuleSet(source, tags, until, rules, keys);
    }

    /// <summary>Still right for this rule list and these tags: the same list (or an equal one) and the same effective tags.</summary>
    public bool Fits(IReadOnlyList<RuleDefinition> source, HostTags tags, DateTimeOffset now) =>
        now < Until
        && (ReferenceEquals(source, Source) || source.SequenceEqual(Source))
        && (ReferenceEquals(tags, Tags) || SameTags(tags.Effective, Tags.Effective));

    /// <summary>Why a track of the rule <paramref name="ruleId"/> no longer applies to this host: the rule was deleted or disabled, lost that level, or the host left its scope.</summary>
    public string WhyGone(string ruleId, string severity)
    {
        var rule = Source.FirstOrDefault(r => r.Id == ruleId);
        return rule is null ? RuleAlertMessages.Deleted(ruleId)
            : !rule.Enabled ? RuleAlertMessages.Disabled(rule)
            : Rules.Any(r => r.Rule.Id == ruleId) ? RuleAlertMessages.LevelRemoved(rule, severity)
            : RuleAlertMessages.OutOfScope(rule);
    }

    private static bool SameTags(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(t => b.TryGetValue(t.Key, out var v) && v == t.Value);
}
