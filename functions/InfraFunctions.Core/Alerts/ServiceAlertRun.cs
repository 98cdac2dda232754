namespace InfraFunctions.Core.Alerts;

/// <summary>One host's tracks while a batch is evaluated: what was read, what changed, and the steps that raise and resolve.</summary>
internal sealed class ServiceAlertRun(string hostId, Dictionary<string, AlertTrack> state, AlertPublisher publisher, CancellationToken cancellationToken)
{
    public Dictionary<string, AlertTrack> Changed { get; } = new(StringComparer.Ordinal);

    private AlertTrack Current(string key) => Changed.TryGetValue(key, out var c) ? c : state.GetValueOrDefault(key, AlertTrack.Empty);

    /// <summary>Steps one condition's track; returns its key.</summary>
    /// <param name="valueOf">The alert's value from the track when raised; <paramref name="value"/> when not given.</param>
    /// <param name="clearAfter">How long it must have cleared before it resolves; <paramref name="duration"/> when not given.</param>
    public async Task<string> StepAsync(
        string metric, string severity, string subject, DateTimeOffset at, bool holds, TimeSpan duration, double value, double threshold,
        Func<AlertTrack, string> raiseMessage, string resolveMessage, Func<AlertTrack, double>? valueOf = null, TimeSpan? clearAfter = null)
    {
        var key = AlertTrackStore.ItemKey(metric, severity);
        var before = Current(key);
        // While the condition holds only a raise can follow, and while it is clear only a resolve: each has its own wait.
        var (after, transition) = AlertRule.Step(before, at, holds ? 1 : 0, 1, 0, holds ? duration : clearAfter ?? duration);
        after = after with { Subject = subject };
        if (transition == AlertTransition.Raise)
        {
            var alert = await publisher.RaiseAsync(hostId, metric, severity, valueOf?.Invoke(after) ?? value, threshold, raiseMessage(after), at, cancellationToken);
            after = after with { OpenAlertId = alert.Id };
        }
        else if (transition == AlertTransition.Resolve)
        {
            await publisher.ResolveAsync(before.OpenAlertId!, value, resolveMessage, at, cancellationToken);
            after = after with { OpenAlertId = null };
        }

        Keep(key, before, after);
        return key;
    }

    /// <summary>Clears the tracks under <paramref name="prefix"/> that this sample did not report, resolving their open alerts.</summary>
    /// <param name="resolveMessage">The resolve's message from the track's subject and whether it is a warning track.</param>
    public async Task ClearUnseenAsync(string prefix, HashSet<string> seen, DateTimeOffset at, TimeSpan duration, Func<string, bool, string> resolveMessage)
    {
        var keys = state.Keys.Concat(Changed.Keys).Where(k => k.StartsWith(prefix, StringComparison.Ordinal) && !seen.Contains(k)).Distinct(StringComparer.Ordinal).ToArray();
        foreach (var key in keys)
        {
            var before = Current(key);
            if (before.OpenAlertId is null && before.AboveSince is null)
            {
                continue; // nothing held and nothing open: nothing to clear
            }

            var (after, transition) = AlertRule.Step(before, at, 0, 1, 0, duration);
            if (transition == AlertTransition.Resolve)
            {
                await publisher.ResolveAsync(before.OpenAlertId!, 0, resolveMessage(before.Subject ?? key, key.EndsWith("." + Severity.Warning, StringComparison.Ordinal)), at, cancellationToken);
                after = after with { OpenAlertId = null };
            }

            Keep(key, before, after);
        }
    }

    // Only transitions of the bands are stored, as for the threshold tracks.
    private void Keep(string key, AlertTrack before, AlertTrack after)
    {
        if (after.AboveSince != before.AboveSince || after.BelowSince != before.BelowSince || after.OpenAlertId != before.OpenAlertId
            || after.Subject != before.Subject || Changed.ContainsKey(key))
        {
            Changed[key] = after;
        }
    }
}
