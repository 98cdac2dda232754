using InfraFunctions.Core.Tags;

namespace InfraFunctions.Core.Rules;

/// <summary>The hosts a rule applies to: one host, every host carrying all of <see cref="Tags"/>, or (both empty) every host.</summary>
public sealed record RuleScope(string? Host = null, IReadOnlyDictionary<string, string>? Tags = null)
{
    public static RuleScope All { get; } = new();

    public bool Matches(string hostId, HostTags tags) =>
        (Host is null || string.Equals(Host, hostId, StringComparison.Ordinal)) && (Tags is null || tags.Matches(Tags));
}
