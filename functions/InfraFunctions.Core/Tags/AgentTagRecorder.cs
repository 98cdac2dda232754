using System.Collections.Concurrent;

namespace InfraFunctions.Core.Tags;

/// <summary>
/// Keeps the tags an agent sends with every batch in the host's <see cref="TagSource.Agent"/> column, writing only when
/// they differ from what this instance last stored for the host (the first time it sees a host, from what the row
/// holds): a host posting every 30 seconds with the same tags costs no write. What it remembers is checked against the
/// row again after <see cref="RecheckAfter"/>, so a change another instance made is never hidden for long.
/// Invalid tags are left out and named; they never cost the batch its samples.
/// </summary>
public sealed partial class AgentTagRecorder(HostTagRepository tags, HostTagCache cache, TimeProvider time, ILogger<AgentTagRecorder> logger)
{
    public static readonly TimeSpan RecheckAfter = TimeSpan.FromMinutes(10);
    private const int MaxRemembered = 50_000;
    private readonly ConcurrentDictionary<string, (SortedDictionary<string, string> Tags, DateTimeOffset Until)> _stored = new(StringComparer.Ordinal);

    /// <summary>
    /// Stores <paramref name="sent"/> (null: an older agent that sends none, which leaves the column as it is) and
    /// returns why any of them were ignored, or null when all were kept.
    /// </summary>
    public async Task<string?> RecordAsync(string hostId, IReadOnlyDictionary<string, string>? sent, CancellationToken cancellationToken = default)
    {
        if (sent is null)
        {
            return null;
        }

        var (kept, problem) = Keep(sent);
        if (kept is null)
        {
            return problem;
        }

        var now = time.GetUtcNow();
        if (_stored.TryGetValue(hostId, out var last) && last.Until > now && Same(last.Tags, kept))
        {
            return problem;
        }

        try
        {
            if (!Same((await tags.GetAsync(hostId, cancellationToken)).Agent, kept))
            {
                await tags.SetAsync(hostId, TagSource.Agent, kept, cancellationToken);
                cache.Forget(hostId);
                LogStored(logger, hostId, kept.Count);
            }
        }
        catch (Exception ex) when (StorageFailure.IsTransient(ex))
        {
            // The samples are stored; the tags are tried again with the next batch, since nothing was remembered.
            _stored.TryRemove(hostId, out _);
            LogNotStored(logger, ex, hostId);
            return problem;
        }

        if (_stored.Count >= MaxRemembered)
        {
            _stored.Clear();
        }

        _stored[hostId] = (kept, now + RecheckAfter);
        return problem;
    }

    // Every valid tag is kept; with more than a host may have, none are, and what was stored stays.
    private static (SortedDictionary<string, string>? Kept, string? Problem) Keep(IReadOnlyDictionary<string, string> sent)
    {
        var problems = TagSyntax.Problems(sent).ToArray();
        if (problems.Any(p => p.Key is null))
        {
            return (null, $"The batch's tags were ignored: {problems.First(p => p.Key is null).Problem} Fix the agent's 'tags' setting.");
        }

        var kept = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in sent)
        {
            if (problems.All(p => p.Key != key))
            {
                kept[key] = value;
            }
        }

        var text = problems.Length == 0
            ? null
            : $"Ignored {problems.Length} of the batch's tags ({string.Join(" ", problems.Select(p => p.Problem))}); the others were kept. Fix the agent's 'tags' setting.";
        return (kept, text);
    }

    private static bool Same(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(t => b.TryGetValue(t.Key, out var v) && string.Equals(v, t.Value, StringComparison.Ordinal));

    [LoggerMessage(Level = LogLevel.Information, Message = "Host {HostId} now reports {Count} tags of its own")]
    private static partial void LogStored(ILogger logger, string hostId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The tags host {HostId} reported were not stored; they are tried again with its next batch")]
    private static partial void LogNotStored(ILogger logger, Exception exception, string hostId);
}
