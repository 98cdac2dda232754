using System.Collections.Concurrent;
using InfraFunctions.Core.Rules;
using InfraFunctions.Core.Tags;

namespace InfraFunctions.Core.Alerts;

/// <summary>
/// Each host's rules in force, kept per instance and rebuilt only when the rule list or the host's tags change, or
/// after <see cref="CacheFor"/>: evaluating a batch then costs the same however many rules do not apply to the host.
/// </summary>
public sealed class HostRuleCache(IRuleSource rules, HostTagCache tags, TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, HostRuleSet> _cache = new(StringComparer.Ordinal);

    public async ValueTask<HostRuleSet> GetAsync(string hostId, CancellationToken cancellationToken = default)
    {
        var source = await rules.ListAsync(cancellationToken);
        var hostTags = await tags.GetAsync(hostId, cancellationToken);
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(hostId, out var cached) && cached.Fits(source, hostTags, now))
        {
            return cached;
        }

        var built = HostRuleSet.Build(hostId, source, hostTags, now + CacheFor);
        _cache[hostId] = built;
        return built;
    }
}
