namespace InfraFunctions.Core.Observability;

/// <summary>
/// The labels every series of a host starts with: <c>host</c>, then each of its tags as <c>tag_&lt;key&gt;</c>
/// (<see cref="TagSyntax.LabelName"/>), in label order. Two keys that make the same label (<c>a.b</c> and <c>a_b</c>)
/// would repeat it, which the format forbids: the first key in ordinal order keeps it.
/// </summary>
internal sealed class PrometheusHostLabels(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? tags)
{
    private readonly Dictionary<string, (string Name, string Value)[]> _byHost = new(StringComparer.Ordinal);

    /// <summary>The host's labels followed by <paramref name="more"/>.</summary>
    public IReadOnlyList<(string, string)> Of(HostRecord host, params (string, string)[] more) => [.. Own(host), .. more];

    /// <summary>Whether a series label called <paramref name="name"/> would clash with one of the host's own.</summary>
    public bool Takes(HostRecord host, string name) => Own(host).Any(l => string.Equals(l.Name, name, StringComparison.Ordinal));

    private (string Name, string Value)[] Own(HostRecord host)
    {
        if (_byHost.TryGetValue(host.HostId, out var known))
        {
            return known;
        }

        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (tags?.GetValueOrDefault(host.HostId) is { } hostTags)
        {
            foreach (var (key, value) in hostTags.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                labels.TryAdd(TagSyntax.LabelName(key), value);
            }
        }

        known = [("host", host.HostId), .. labels.Select(l => (l.Key, l.Value))];
        _byHost[host.HostId] = known;
        return known;
    }
}
