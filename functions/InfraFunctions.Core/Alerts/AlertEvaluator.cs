using InfraFunctions.Core.Ingest;
using InfraFunctions.Core.Telemetry;

namespace InfraFunctions.Core.Alerts;

/// <summary>
/// Evaluates each accepted sample, in time order, against the warning and critical thresholds of CPU, memory and
/// disk (README "Health"). Each (metric, severity) is its own track with duration and hysteresis. A post from a host that
/// was down resolves its <c>host_down</c> alert.
/// </summary>
public sealed class AlertEvaluator(
    AlertTrackStore tracks,
    AlertPublisher publisher,
    TimeProvider time,
    IOptionsMonitor<AlertOptions> options) : IIngestSubscriber
{
    private static readonly (string Metric, string Label, Func<Sample, double> Value)[] Metrics =
    [
        ("cpu", "CPU", s => s.Cpu.Percent),
        ("memory", "Memory", s => s.Memory.Percent),
        ("disk", "Disk", s => s.Disk.Percent),
    ];

    public Task OnIngestedAsync(IngestedBatch batch, CancellationToken cancellationToken = default) =>
        InfraTelemetry.InSpanAsync(InfraTelemetry.AlertsEvaluate, async span =>
        {
            span?.SetTag("infra.host_id", batch.HostId);
            var result = await EvaluateAsync(batch, cancellationToken);
            span?.SetTag("infra.alert.result", result);
            InfraMetrics.RecordAlertEvaluation(result);
        });

    /// <summary>Evaluates the batch; says whether it raised an alert, else resolved one, else changed none.</summary>
    private async Task<string> EvaluateAsync(IngestedBatch batch, CancellationToken cancellationToken)
    {
        bool raised = false, resolved = false;
        var state = await tracks.ReadAsync(batch.HostId, cancellationToken);
        var changed = new Dictionary<string, AlertTrack>(StringComparer.Ordinal);
        var downKey = AlertTrackStore.HostDownKey;
        if (state.TryGetValue(downKey, out var down) && down.OpenAlertId is { } downId)
        {
            await publisher.ResolveHostDownAsync(batch.HostId, downId, time.GetUtcNow(), cancellationToken);
            changed[downKey] = AlertTrack.Empty;
            resolved = true;
        }

        var t = batch.Thresholds;
        var o = options.CurrentValue;
        var duration = TimeSpan.FromSeconds(o.DurationSeconds);
        (string Severity, Func<string, double> Threshold)[] levels =
        [
            (Severity.Warning, m => m switch { "cpu" => t.CpuWarning, "memory" => t.MemoryWarning, _ => t.DiskWarning }),
            (Severity.Critical, m => m switch { "cpu" => t.CpuCritical, "memory" => t.MemoryCritical, _ => t.DiskCritical }),
        ];
        foreach (var accepted in batch.Samples.OrderBy(s => s.Sample.Timestamp))
        {
            var sample = accepted.Sample;
            foreach (var (metric, label, read) in Metrics)
            {
                foreach (var (severity, thresholdOf) in levels)
                {
                    var key = AlertTrackStore.Key(metric, severity);
                    var before = changed.TryGetValue(key, out var c) ? c : state.GetValueOrDefault(key, AlertTrack.Empty);
                    var value = read(sample);
                    var threshold = thresholdOf(metric);
                    var (after, transition) = AlertRule.Step(before, sample.Timestamp, value, threshold, o.HysteresisPoints, duration);
                    if (transition == AlertTransition.Raise)
                    {
                        var alert = await publisher.RaiseAsync(batch.HostId, metric, severity, value, threshold, HealthMessages.UsageAt(label, severity, value), sample.Timestamp, cancellationToken);
                        after = after with { OpenAlertId = alert.Id };
                        raised = true;
                    }
                    else if (transition == AlertTransition.Resolve)
                    {
                        await publisher.ResolveAsync(before.OpenAlertId!, value, HealthMessages.UsageBackBelow(label, threshold - o.HysteresisPoints, value), sample.Timestamp, cancellationToken);
                        after = after with { OpenAlertId = null };
                        resolved = true;
                    }

                    // Only transitions of the bands are stored; the last timestamp alone is not worth a write per post.
                    if (after.AboveSince != before.AboveSince || after.BelowSince != before.BelowSince || after.OpenAlertId != before.OpenAlertId || changed.ContainsKey(key))
                    {
                        changed[key] = after;
                    }
                }
            }
        }

        await tracks.WriteAsync(batch.HostId, changed, cancellationToken);
        return raised ? "raised" : resolved ? "resolved" : "unchanged";
    }
}
