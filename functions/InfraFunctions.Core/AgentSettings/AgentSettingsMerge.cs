namespace InfraFunctions.Core.AgentSettings;

/// <summary>
/// A host's settings from the scopes that apply to it: each field from its host scope when set there, else from the
/// first tag scope that sets it, tags taken in ordinal order of their keys. Each field's winner is named in
/// <see cref="Contracts.AgentSettings.Sources"/>.
/// </summary>
public static class AgentSettingsMerge
{
    /// <summary>The merged settings, or null when no scope sets any field.</summary>
    /// <param name="host">The host's own scope, when it has one.</param>
    /// <param name="tags">Tag scopes matching the host's tags (at most one per key, since a host has one value per key).</param>
    public static Contracts.AgentSettings? For(StoredAgentSettings? host, IEnumerable<StoredAgentSettings> tags)
    {
        var ordered = tags.Where(t => !t.Scope.IsHost).OrderBy(t => t.Scope.TagKey, StringComparer.Ordinal).ThenBy(t => t.Scope.TagValue, StringComparer.Ordinal);
        var scopes = (host is null ? [] : new[] { host }).Concat(ordered).ToArray();
        var sources = new SortedDictionary<string, string>(StringComparer.Ordinal);

        // The first scope that sets the field wins it, and is named as its source.
        Contracts.AgentSettings? Winner(string name, Func<Contracts.AgentSettings, bool> sets)
        {
            var winner = scopes.FirstOrDefault(s => sets(s.Settings));
            if (winner is not null)
            {
                sources[name] = winner.Scope.Source;
            }

            return winner?.Settings;
        }

        var merged = new Contracts.AgentSettings(
            Winner(AgentSettingRules.Watch, s => s.Watch is not null)?.Watch,
            Winner(AgentSettingRules.Top, s => s.Top.HasValue)?.Top,
            Winner(AgentSettingRules.SampleIntervalSeconds, s => s.SampleIntervalSeconds.HasValue)?.SampleIntervalSeconds,
            Winner(AgentSettingRules.CollectorsName, s => s.Collectors is not null)?.Collectors);
        return sources.Count == 0 ? null : merged with { Sources = sources };
    }
}
