using InfraFunctions.Core.AgentSettings;
using InfraFunctions.Core.Telemetry;
using InfraFunctions.Core.Validation;

namespace InfraFunctions.Core.Ingest;

/// <summary>
/// The narrow ingest path: validate each sample, store the good ones, update the host row, notify subscribers, and
/// answer with the settings an operator chose for the host.
/// </summary>
public sealed class IngestService(
    SampleValidator validator,
    SampleRepository samples,
    HostRepository hosts,
    IPostIntervalAdvisor intervals,
    IEnumerable<IIngestSubscriber> subscribers,
    HostThresholds thresholds,
    AgentSettingsResolver agentSettings,
    IngestCounters counters,
    TimeProvider time,
    ILogger<IngestService> logger)
{
    private const string HostIdTag = "infra.host_id";
    private const string TableSamples = "samples";
    private const string TableHosts = "hosts";

    public async Task<IngestReply> IngestAsync(IngestEnvelope envelope, CancellationToken cancellationToken = default)
    {
        InfraMetrics.IngestBatchSize.Record(envelope.Samples.Count);
        var (hostThresholds, accepted, rejected) = await ValidateAsync(envelope, cancellationToken);
        var nextPost = await intervals.NextPostSecondsAsync(envelope.HostId, cancellationToken);
        if (accepted.Count == 0)
        {
            counters.RecordBatch(0, rejected.Count);
            InfraMetrics.RecordIngest(0, rejected);
            return new IngestReply(0, rejected, nextPost);
        }

        // Read before anything is written: should it fail, the agent's retry finds nothing half-stored.
        var settings = await agentSettings.ForHostAsync(envelope.HostId, cancellationToken);
        var reported = ReportedSettings.From(envelope.Settings);
        if (reported?.Problem is { } problem)
        {
            logger.LogWarning("Host {HostId} reported settings in force that were not kept: {Problem}", envelope.HostId, problem);
        }

        var batch = new IngestedBatch(envelope.HostId, envelope.Platform, accepted, hostThresholds, envelope.SampleIntervalSeconds);
        await StoreAsync(envelope, batch, nextPost, reported, cancellationToken);
        counters.RecordBatch(accepted.Count, rejected.Count);
        InfraMetrics.RecordIngest(accepted.Count, rejected);
        if (envelope.DroppedSamples > 0)
        {
            logger.LogWarning("Host {HostId} dropped {Dropped} samples because its agent queue was full", envelope.HostId, envelope.DroppedSamples);
        }

        await NotifyAsync(batch, cancellationToken);
        return new IngestReply(accepted.Count, rejected, nextPost, settings);
    }

    private Task<(ThresholdSet Thresholds, List<AcceptedSample> Accepted, List<RejectedSample> Rejected)> ValidateAsync(
        IngestEnvelope envelope, CancellationToken cancellationToken) =>
        InfraTelemetry.InSpanAsync(InfraTelemetry.IngestValidate, async span =>
        {
            span?.SetTag(HostIdTag, envelope.HostId);
            span?.SetTag("infra.samples.posted", envelope.Samples.Count);
            var hostThresholds = await thresholds.ForHostAsync(envelope.HostId, cancellationToken);
            var (accepted, rejected) = Validate(envelope.Samples, hostThresholds);
            span?.SetTag("infra.samples.accepted", accepted.Count);
            span?.SetTag("infra.samples.rejected", rejected.Count);
            return (hostThresholds, accepted, rejected);
        });

    /// <summary>Writes the samples, then the host row. Only what is written is reported as accepted: a storage
    /// failure here surfaces as 503 and the agent retries.</summary>
    private Task StoreAsync(IngestEnvelope envelope, IngestedBatch batch, int nextPost, ReportedSettings? reported, CancellationToken cancellationToken) =>
        InfraTelemetry.InSpanAsync(InfraTelemetry.IngestStore, async span =>
        {
            span?.SetTag(HostIdTag, envelope.HostId);
            span?.SetTag("infra.samples.written", batch.Samples.Count);
            var started = time.GetTimestamp();
            try
            {
                await samples.WriteAsync(envelope.HostId, batch.Samples.Select(a => (a.Sample, a.HealthScore, a.Json)).ToArray(), cancellationToken);
            }
            catch (Exception ex) when (StorageFailure.IsTransient(ex))
            {
                counters.RecordThrottled();
                throw;
            }

            var written = time.GetElapsedTime(started);
            counters.RecordWrite(written);
            InfraMetrics.RecordTableWrite(TableSamples, written);
            started = time.GetTimestamp();
            await hosts.RecordAsync(envelope.HostId, envelope.Platform, batch.Latest.Sample, nextPost, envelope.SampleIntervalSeconds, envelope.DroppedSamples, batch.Latest.Json, reported, cancellationToken);
            InfraMetrics.RecordTableWrite(TableHosts, time.GetElapsedTime(started));
        });

    private (List<AcceptedSample> Accepted, List<RejectedSample> Rejected) Validate(IReadOnlyList<JsonElement> raw, ThresholdSet thresholds)
    {
        var accepted = new List<AcceptedSample>(raw.Count);
        var rejected = new List<RejectedSample>();
        for (var i = 0; i < raw.Count; i++)
        {
            var result = validator.Validate(raw[i]);
            if (result.Sample is not { } sample)
            {
                rejected.Add(new RejectedSample(i, result.Errors));
                continue;
            }

            var health = HostHealth.Of(sample, thresholds);
            accepted.Add(new AcceptedSample(sample, health.Check, health.Score, result.Json));
        }

        return (accepted, rejected);
    }

    private async Task NotifyAsync(IngestedBatch batch, CancellationToken cancellationToken)
    {
        using var span = InfraTelemetry.Start(InfraTelemetry.IngestPublish);
        span?.SetTag(HostIdTag, batch.HostId);
        foreach (var subscriber in subscribers)
        {
            try
            {
                await subscriber.OnIngestedAsync(batch, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The post still succeeds; the failed subscriber is on the span, so the trace is kept.
                span.Fail(ex);
                logger.LogWarning(ex, "Ingest subscriber {Subscriber} failed for host {HostId}", subscriber.GetType().Name, batch.HostId);
            }
        }
    }
}
