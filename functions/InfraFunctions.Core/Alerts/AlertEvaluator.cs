using InfraFunctions.Core.Ingest;
using InfraFunctions.Core.Rules;
using InfraFunctions.Core.Telemetry;

namespace InfraFunctions.Core.Alerts;

/// <summary>
/// Evaluates each accepted sample, in time order, against the rules in force for its host (README "Alerts"): the
/// built-in CPU, memory and disk rules at the host's thresholds, and every enabled rule whose scope takes in the host.
/// Each (rule, level) is its own track with duration and dead band; a sample without the rule's metric is no data and
/// resolves nothing; a track that raises and resolves too often is flapping. A rule that no longer applies resolves its
/// alerts, and a post from a host that was down resolves its <c>host_down</c> alert.
/// </summary>
public sealed class AlertEvaluator(
    AlertTrackStore tracks,
    AlertPublisher publisher,
    AlertRepository alerts,
    HostRuleCache rules,
    TimeProvider time,
    IOptionsMonitor<AlertOptions> options,
    IOptionsMonitor<IngestOptions> ingest) : IIngestSubscriber
{
    public Task OnIngestedAsync(IngestedBatch batch, CancellationToken cancellationToken = default) =>
        InfraTelemetry.InSpanAsync(InfraTelemetry.AlertsEvaluate, async span =>
        {
            span?.SetTag("infra.host_id", batch.HostId);
            var result = await EvaluateAsync(batch, cancellationToken);
            span?.SetTag("infra.alert.result", result);
            InfraMetrics.RecordAlertEvaluation(result);
        });

    /// <summary>
    /// How long the data may pause before it counts as a gap: the host's staleness limit at its reporting interval, or at
    /// its sampling interval when that is longer, so a slow sampler's every sample is not a gap.
    /// </summary>
    public static TimeSpan GapLimit(IngestOptions ingest, double sampleIntervalSeconds) =>
        new Staleness(ingest).Limit(Math.Max(ingest.PostIntervalSeconds, (int)Math.Ceiling(Math.Min(sampleIntervalSeconds, int.MaxValue))));

    /// <summary>Evaluates the batch; says whether it raised an alert, else resolved one, else changed none.</summary>
    private async Task<string> EvaluateAsync(IngestedBatch batch, CancellationToken cancellationToken)
    {
        var state = await tracks.ReadAsync(batch.HostId, cancellationToken);
        var inForce = await rules.GetAsync(batch.HostId, cancellationToken);
        var run = new RuleEvaluationRun(batch.HostId, state, publisher, alerts, options.CurrentValue, GapLimit(ingest.CurrentValue, batch.SampleIntervalSeconds), cancellationToken);
        var now = time.GetUtcNow();
        var downKey = AlertTrackStore.HostDownKey;
        var hostWasDown = false;
        if (state.TryGetValue(downKey, out var down) && down.OpenAlertId is { } downId)
        {
            await publisher.ResolveHostDownAsync(batch.HostId, downId, now, cancellationToken);
            run.Changed[downKey] = AlertTrack.Empty;
            hostWasDown = true;
        }

        await run.ResolveGoneAsync(inForce, now);
        foreach (var accepted in batch.Samples.OrderBy(s => s.Sample.Timestamp))
        {
            var sample = accepted.Sample;
            foreach (var rule in inForce.Rules)
            {
                var value = RuleMetrics.Read(rule.Path, sample);
                foreach (var level in rule.Levels)
                {
                    await run.StepAsync(rule, level, rule.LevelFor(level, batch.Thresholds), sample.Timestamp, value);
                }
            }
        }

        await tracks.WriteAsync(batch.HostId, run.Changed, cancellationToken);
        return run.Raised ? "raised" : run.Resolved || hostWasDown ? "resolved" : "unchanged";
    }
}
