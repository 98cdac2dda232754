using System.Collections.Concurrent;

namespace InfraFunctions.Core.Tags;

/// <summary>
/// A host's tags as alert evaluation and silences read them: each instance remembers a host's tags for
/// <see cref="CacheFor"/>, so a busy host costs two reads a minute, and a change made on this instance is seen at once.
/// </summary>
public sealed class HostTagCache(HostTagRepository tags, TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, (HostTags Tags, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    public async ValueTask<HostTags> GetAsync(string hostId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(hostId, out var cached) && cached.Until > now)
        {
            return cached.Tags;
        }

        var read = await tags.GetAsync(hostId, cancellationToken);
        _cache[hostId] = (read, now + CacheFor);
        return read;
    }

    /// <summary>Drops what this instance remembers of a host's tags, after it changed them.</summary>
    public void Forget(string hostId) => _cache.TryRemove(hostId, out _);
}
