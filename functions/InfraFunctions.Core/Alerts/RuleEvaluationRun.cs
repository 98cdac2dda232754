using InfraFunctions.Core.Rules;

namespace InfraFunctions.Core.Alerts;

/// <summary>
/// One host's rule tracks while a batch is evaluated: what was read, what changed, and the steps that raise, resolve,
/// mark no data and follow flapping. Only changes of state are kept for writing, and the time of the last sample only
/// while a clock is running (<see cref="AlertTrack.Pending"/>), so a steady host costs no write per post.
/// </summary>
internal sealed class RuleEvaluationRun(
    string hostId, Dictionary<string, AlertTrack> state, AlertPublisher publisher, AlertRepository alerts, AlertOptions options, TimeSpan gapLimit,
    CancellationToken cancellationToken)
{
    private readonly TimeSpan _window = TimeSpan.FromMinutes(options.FlapWindowMinutes);

    public Dictionary<string, AlertTrack> Changed { get; } = new(StringComparer.Ordinal);

    public bool Raised { get; private set; }

    public bool Resolved { get; private set; }

    public AlertTrack Current(string key) => Changed.TryGetValue(key, out var c) ? c : state.GetValueOrDefault(key, AlertTrack.Empty);

    /// <summary>Steps one level of a rule with one sample's value, null when the sample does not carry the metric.</summary>
    public async Task StepAsync(MatchedRule rule, MatchedLevel level, double threshold, DateTimeOffset at, double? value)
    {
        var before = Current(level.Key);
        var track = await FollowRuleAsync(rule, before, at);
        if (value is not { } v)
        {
            // No data: nothing is learnt about the condition, and a gap is never a recovery.
            if (track.OpenAlertId is { } id && !track.NoData)
            {
                await alerts.UpdateAsync(id, a => a with { NoData = true }, cancellationToken);
                track = track with { NoData = true };
            }

            Keep(level.Key, before, track);
            return;
        }

        if (track.NoData)
        {
            if (track.OpenAlertId is { } id)
            {
                await alerts.UpdateAsync(id, a => a with { NoData = false }, cancellationToken);
            }

            track = track with { NoData = false };
        }

        if (TrackFlapping.Settles(track, at, _window))
        {
            track = await SettleAsync(track);
        }

        var (after, transition) = AlertRule.Step(track, at, rule.Rule, v, threshold, gapLimit);
        if (transition != AlertTransition.None)
        {
            after = await TransitionAsync(rule, level.Severity, threshold, at, v, track, after, transition);
        }

        Keep(level.Key, before, after);
    }

    /// <summary>Resolves the open alerts of tracks whose rule no longer applies to the host, and clears those tracks.</summary>
    public async Task ResolveGoneAsync(HostRuleSet rules, DateTimeOffset at)
    {
        foreach (var (key, track) in state)
        {
            if (RuleTracks.RuleOf(key, track) is not { } ruleId || rules.Keys.Contains(key) || track.SameStateAs(AlertTrack.Empty))
            {
                continue;
            }

            if (track.OpenAlertId is { } id)
            {
                var severity = key[(key.LastIndexOf('.') + 1)..];
                await publisher.ResolveAsync(id, 0, rules.WhyGone(ruleId, severity), at, false, cancellationToken);
                Resolved = true;
            }

            Changed[key] = AlertTrack.Empty;
        }
    }

    /// <summary>A rule's track remembers its rule and metric; a rule now watching another metric starts its track again.</summary>
    private async Task<AlertTrack> FollowRuleAsync(MatchedRule rule, AlertTrack track, DateTimeOffset at)
    {
        if (rule.Rule.BuiltIn)
        {
            return track; // the built-in tracks keep their rows as they were
        }

        if (track.Subject is { } watched && watched != rule.Rule.Metric)
        {
            if (track.OpenAlertId is { } id)
            {
                await publisher.ResolveAsync(id, 0, RuleAlertMessages.MetricChanged(rule.Rule, watched), at, false, cancellationToken);
                Resolved = true;
            }

            track = AlertTrack.Empty;
        }

        return track with { RuleId = rule.Rule.Id, Subject = rule.Rule.Metric };
    }

    private async Task<AlertTrack> TransitionAsync(
        MatchedRule rule, string severity, double threshold, DateTimeOffset at, double value, AlertTrack before, AlertTrack after, AlertTransition transition)
    {
        (after, var started) = TrackFlapping.Record(after, at, options.FlapTransitions, _window);
        AlertRecord? record;
        if (transition == AlertTransition.Raise)
        {
            record = await publisher.RaiseAsync(rule.Origin, hostId, rule.AlertMetric, severity, value, threshold, RuleAlertMessages.Raised(rule, severity, value, threshold), at, after.Flapping, cancellationToken);
            after = after with { OpenAlertId = record.Id, LastAlertId = record.Id };
            Raised = true;
        }
        else
        {
            record = await publisher.ResolveAsync(before.OpenAlertId!, value, RuleAlertMessages.Resolved(rule, severity, value, threshold), at, after.Flapping, cancellationToken);
            after = after with { OpenAlertId = null, LastAlertId = before.OpenAlertId };
            Resolved = true;
        }

        if (started && record is not null)
        {
            // The one notification of a flapping track until it settles; its raises and resolves carry the flag and are held.
            await publisher.NotifyAsync(AlertEvent.Of(record, AlertKinds.Flapping, RuleAlertMessages.FlappingStarted(record, options.FlapTransitions, options.FlapWindowMinutes)), cancellationToken);
        }

        return after;
    }

    /// <summary>A track quiet for a whole window stops flapping: its latest alert loses the flag and its state is published once more.</summary>
    private async Task<AlertTrack> SettleAsync(AlertTrack track)
    {
        if ((track.OpenAlertId ?? track.LastAlertId) is { } id
            && await alerts.UpdateAsync(id, a => a with { Flapping = false }, cancellationToken) is { } record)
        {
            var kind = record.State == AlertStates.Resolved ? AlertKinds.Resolved : AlertKinds.Raised;
            await publisher.NotifyAsync(AlertEvent.Of(record, kind, RuleAlertMessages.Settled(record)), cancellationToken);
        }

        return track with { Flapping = false, Flips = null };
    }

    private void Keep(string key, AlertTrack before, AlertTrack after)
    {
        if (Changed.ContainsKey(key) || (after.Idle && before.Idle))
        {
            // Once changed, the batch's latest state is written; an idle track (a rule whose level was never reached) is not stored at all.
            if (Changed.ContainsKey(key))
            {
                Changed[key] = after;
            }

            return;
        }

        if (!after.SameStateAs(before) || (after.Pending && after.LastTimestamp != before.LastTimestamp))
        {
            Changed[key] = after;
        }
    }
}
