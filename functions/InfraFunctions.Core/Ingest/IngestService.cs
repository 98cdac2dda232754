using InfraFunctions.Core.Validation;

namespace InfraFunctions.Core.Ingest;

/// <summary>The narrow ingest path: validate each sample, store the good ones, update the host row, notify subscribers.</summary>
public sealed class IngestService(
    SampleValidator validator,
    SampleRepository samples,
    HostRepository hosts,
    IPostIntervalAdvisor intervals,
    IEnumerable<IIngestSubscriber> subscribers,
    HostThresholds thresholds,
    IngestCounters counters,
    TimeProvider time,
    ILogger<IngestService> logger)
{
    public async Task<IngestReply> IngestAsync(IngestEnvelope envelope, CancellationToken cancellationToken = default)
    {
        var hostThresholds = await thresholds.ForHostAsync(envelope.HostId, cancellationToken);
        var (accepted, rejected) = Validate(envelope.Samples, hostThresholds);
        var nextPost = await intervals.NextPostSecondsAsync(envelope.HostId, cancellationToken);
        if (accepted.Count == 0)
        {
            counters.RecordBatch(0, rejected.Count);
            return new IngestReply(0, rejected, nextPost);
        }

        // Only what is written is reported as accepted: a storage failure here surfaces as 503 and the agent retries.
        var started = time.GetTimestamp();
        try
        {
            await samples.WriteAsync(envelope.HostId, accepted.Select(a => (a.Sample, a.HealthScore, a.Json)).ToArray(), cancellationToken);
        }
        catch (Exception ex) when (StorageFailure.IsTransient(ex))
        {
            counters.RecordThrottled();
            throw;
        }

        counters.RecordWrite(time.GetElapsedTime(started));
        counters.RecordBatch(accepted.Count, rejected.Count);
        var batch = new IngestedBatch(envelope.HostId, envelope.Platform, accepted, hostThresholds);
        await hosts.RecordAsync(envelope.HostId, envelope.Platform, batch.Latest.Sample, nextPost, envelope.SampleIntervalSeconds, envelope.DroppedSamples, batch.Latest.Json, cancellationToken);
        if (envelope.DroppedSamples > 0)
        {
            logger.LogWarning("Host {HostId} dropped {Dropped} samples because its agent queue was full", envelope.HostId, envelope.DroppedSamples);
        }

        await NotifyAsync(batch, cancellationToken);
        return new IngestReply(accepted.Count, rejected, nextPost);
    }

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
        foreach (var subscriber in subscribers)
        {
            try
            {
                await subscriber.OnIngestedAsync(batch, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Ingest subscriber {Subscriber} failed for host {HostId}", subscriber.GetType().Name, batch.HostId);
            }
        }
    }
}
