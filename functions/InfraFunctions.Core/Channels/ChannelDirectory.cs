namespace InfraFunctions.Core.Channels;

/// <summary>
/// Every channel, configured and run-time. Each instance remembers the stored channels for <see cref="CacheFor"/>,
/// so a burst of alerts costs one read, and forgets them when it changes one itself; another instance's change is
/// seen within that time.
/// </summary>
public sealed class ChannelDirectory(ChannelRepository repository, IOptionsMonitor<WebhookOptions> options, TimeProvider time, ILogger<ChannelDirectory> logger)
    : IChannelDirectory
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private volatile Cached? _stored;
    private long _generation;

    public IReadOnlyList<ChannelRecord> Configured() => ConfiguredChannels.Of(options.CurrentValue, logger);

    /// <summary>The configured channels, then the stored ones by name; <paramref name="fresh"/> reads the table whatever is remembered.</summary>
    public async Task<IReadOnlyList<ChannelRecord>> AllAsync(bool fresh = false, CancellationToken cancellationToken = default) =>
        [.. Configured(), .. (await StoredAsync(fresh, cancellationToken)).OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Id, StringComparer.Ordinal)];

    /// <summary>Read afresh: a rule naming a channel another instance just made must not be refused.</summary>
    public async Task<IReadOnlySet<string>> IdsAsync(CancellationToken cancellationToken = default) =>
        (await AllAsync(fresh: true, cancellationToken)).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);

    public async Task<ChannelRecord?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        Configured().FirstOrDefault(c => c.Id == id)
        ?? (ChannelRepository.IsStoredId(id) ? (await StoredAsync(false, cancellationToken)).FirstOrDefault(c => c.Id == id) : null);

    /// <summary>
    /// The channels an event goes to: those it names, or every default channel when it names none. Ids that name no
    /// channel come back in <c>Unknown</c>. When the table cannot be read, the configured channels still get it.
    /// </summary>
    public async Task<(IReadOnlyList<ChannelRecord> Channels, IReadOnlyList<string> Unknown)> RouteAsync(IReadOnlyList<string>? ids, CancellationToken cancellationToken = default)
    {
        var configured = Configured();
        IReadOnlyList<ChannelRecord> stored = [];
        if (ids is not { Count: > 0 } || ids.Any(ChannelRepository.IsStoredId))
        {
            try
            {
                stored = await StoredAsync(false, cancellationToken);
            }
            catch (Exception ex) when (StorageFailure.IsTransient(ex))
            {
                logger.LogWarning(ex, "The channels table could not be read; only the configured channels get this alert");
            }
        }

        if (ids is not { Count: > 0 })
        {
            return ([.. configured, .. stored.Where(c => c.IsDefault)], []);
        }

        var all = configured.Concat(stored).ToDictionary(c => c.Id, StringComparer.Ordinal);
        var unknown = ids.Where(id => !all.ContainsKey(id)).Distinct(StringComparer.Ordinal).ToArray();
        return ([.. ids.Distinct(StringComparer.Ordinal).Where(all.ContainsKey).Select(id => all[id])], unknown);
    }

    public async Task SaveAsync(ChannelRecord channel, CancellationToken cancellationToken = default)
    {
        try
        {
            await repository.SaveAsync(channel, cancellationToken);
        }
        finally
        {
            Forget();
        }
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        try
        {
            return await repository.DeleteAsync(id, cancellationToken);
        }
        finally
        {
            Forget();
        }
    }

    /// <summary>Drops what this instance remembers of the stored channels.</summary>
    public void Forget()
    {
        Interlocked.Increment(ref _generation);
        _stored = null;
    }

    private async Task<IReadOnlyList<ChannelRecord>> StoredAsync(bool fresh, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!fresh && _stored is { } cached && cached.Until > now)
        {
            return cached.Channels;
        }

        // A read that overlapped one of this instance's own writes may miss it: it is not remembered.
        var generation = Interlocked.Read(ref _generation);
        var read = await repository.ListAsync(cancellationToken);
        if (Interlocked.Read(ref _generation) == generation)
        {
            _stored = new Cached(read, now + CacheFor);
        }

        return read;
    }

    private sealed record Cached(IReadOnlyList<ChannelRecord> Channels, DateTimeOffset Until);
}
