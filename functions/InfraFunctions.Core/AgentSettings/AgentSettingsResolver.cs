using System.Collections.Concurrent;
using InfraFunctions.Core.Tags;

namespace InfraFunctions.Core.AgentSettings;

/// <summary>
/// The settings each host's next ingest reply carries, merged from its host scope and its tags' scopes
/// (<see cref="AgentSettingsMerge"/>). Each instance remembers a host's merged settings, and the list of tag scopes,
/// for 30 s, as <see cref="HostThresholds"/> does: a busy host costs two point reads a minute, not one per batch.
/// A change made through this instance applies to its next reply; other instances, and tag changes, take up to 30 s.
/// </summary>
public sealed class AgentSettingsResolver(AgentSettingsRepository repository, HostTagRepository tags, TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private const int MaxRemembered = 50_000;
    private readonly ConcurrentDictionary<string, (Contracts.AgentSettings? Settings, DateTimeOffset Until)> _hosts = new(StringComparer.Ordinal);
    private TagScopes? _tagScopes;

    private sealed record TagScopes(IReadOnlyList<StoredAgentSettings> Scopes, DateTimeOffset Until);

    // Bumped by every change: a read that started before a change does not put its older result in the cache.
    private long _generation;

    /// <summary>A host's merged settings, from the cache when fresh; null when no scope applies.</summary>
    public async Task<Contracts.AgentSettings?> ForHostAsync(string hostId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (_hosts.TryGetValue(hostId, out var cached) && cached.Until > now)
        {
            return cached.Settings;
        }

        var generation = Interlocked.Read(ref _generation);
        var settings = await ResolveAsync(hostId, await TagScopesAsync(now, generation, cancellationToken), cancellationToken);
        if (Interlocked.Read(ref _generation) == generation)
        {
            if (_hosts.Count >= MaxRemembered)
            {
                _hosts.Clear();
            }

            _hosts[hostId] = (settings, now + CacheFor);
        }

        return settings;
    }

    /// <summary>A host's merged settings, read now (not from the cache).</summary>
    public async Task<Contracts.AgentSettings?> ResolveAsync(string hostId, CancellationToken cancellationToken = default) =>
        await ResolveAsync(hostId, await repository.ListAsync(AgentSettingScope.TagKind, cancellationToken), cancellationToken);

    public async Task<StoredAgentSettings> SetAsync(AgentSettingScope scope, Contracts.AgentSettings settings, string updatedBy, CancellationToken cancellationToken = default)
    {
        var stored = await repository.SetAsync(scope, settings, updatedBy, cancellationToken);
        Forget(scope);
        return stored;
    }

    public async Task<bool> DeleteAsync(AgentSettingScope scope, CancellationToken cancellationToken = default)
    {
        var deleted = await repository.DeleteAsync(scope, cancellationToken);
        Forget(scope);
        return deleted;
    }

    private async Task<Contracts.AgentSettings?> ResolveAsync(string hostId, IReadOnlyList<StoredAgentSettings> tagScopes, CancellationToken cancellationToken)
    {
        var hostTask = repository.GetAsync(AgentSettingScope.ForHost(hostId), cancellationToken);
        // Without any tag scope the host's tags cannot matter, so they are not read.
        var effective = tagScopes.Count == 0 ? new Dictionary<string, string>() : (await tags.GetAsync(hostId, cancellationToken)).Effective;
        var matching = tagScopes.Where(s => effective.TryGetValue(s.Scope.TagKey!, out var v) && string.Equals(v, s.Scope.TagValue, StringComparison.Ordinal));
        return AgentSettingsMerge.For(await hostTask, matching);
    }

    private async Task<IReadOnlyList<StoredAgentSettings>> TagScopesAsync(DateTimeOffset now, long generation, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _tagScopes) is { } cached && cached.Until > now)
        {
            return cached.Scopes;
        }

        var scopes = await repository.ListAsync(AgentSettingScope.TagKind, cancellationToken);
        if (Interlocked.Read(ref _generation) == generation)
        {
            Volatile.Write(ref _tagScopes, new TagScopes(scopes, now + CacheFor));
        }

        return scopes;
    }

    private void Forget(AgentSettingScope scope)
    {
        Interlocked.Increment(ref _generation);
        if (scope.IsHost)
        {
            _hosts.TryRemove(scope.HostId!, out _);
            return;
        }

        // A tag scope may apply to any host.
        Volatile.Write(ref _tagScopes, null);
        _hosts.Clear();
    }
}
