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

        T? Pick<T>(string name, Func<Contracts.AgentSettings, T?> field)
            where T : class
        {
            foreach (var s in scopes)
            {
                if (field(s.Settings) is { } value)
                {
                    sources[name] = s.Scope.Source;
                    return value;
                }
            }

            return null;
        }

        T? PickValue<T>(string name, Func<Contracts.AgentSettings, T?> field)
            where T : struct
        {
            foreach (var s in scopes)
            {
                if (field(s.Settings) is { } value)
                {
                    sources[name] = s.Scope.Source;
                    return value;
                }
            }

            return null;
        }

        var merged = new Contracts.AgentSettings(
            Pick(AgentSettingRules.Watch, s => s.Watch),
            PickValue(AgentSettingRules.Top, s => s.Top),
            PickValue(AgentSettingRules.SampleIntervalSeconds, s => s.SampleIntervalSeconds),
            Pick(AgentSettingRules.CollectorsName, s => s.Collectors));
        return sources.Count == 0 ? null : merged with { Sources = sources };
    }
}
