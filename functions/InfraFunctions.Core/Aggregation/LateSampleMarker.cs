using InfraFunctions.Core.Ingest;

namespace InfraFunctions.Core.Aggregation;

/// <summary>
/// Marks closed hours and days that received samples, so the next aggregation run recomputes them if they were
/// already rolled up (an agent that was offline posts its spool late). Samples older than the lookback are left alone.
/// </summary>
public sealed class LateSampleMarker(JobStore jobs, TimeProvider time, IOptionsMonitor<AggregationOptions> options) : IIngestSubscriber
{
    public async Task OnIngestedAsync(IngestedBatch batch, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var limit = now.AddHours(-options.CurrentValue.LateSampleLookbackHours);
        foreach (var tier in new[] { RollupTier.Hourly, RollupTier.Daily })
        {
            var closed = tier.Floor(now);
            var buckets = batch.Samples
                .Select(s => tier.Floor(s.Sample.Timestamp))
                .Where(b => b < closed && b + tier.Bucket > limit)
                .Distinct();
            foreach (var bucket in buckets)
            {
                await jobs.MarkLateAsync(tier, batch.HostId, bucket, cancellationToken);
            }
        }
    }
}
