using InfraFunctions.Core.Telemetry;

namespace InfraFunctions.Core.Aggregation;

/// <summary>
/// Rolls raw samples into hourly and daily rows. Each job keeps a watermark (the next bucket to do) in <c>jobs</c>, so
/// a run after downtime catches up every closed bucket; rows are pure functions of the raw rows and upserted, so
/// repeated or concurrent runs write the same rows. Buckets marked late are recomputed within the lookback.
/// Both tiers read raw samples (daily p95 cannot be derived from hourly rows), so a day is rolled up while its raw
/// table is retained.
/// </summary>
public sealed class AggregationService(
    SampleRepository samples,
    HostRepository hosts,
    RollupRepository rollups,
    JobStore jobs,
    TableStats stats,
    TableStore store,
    TimeProvider time,
    IOptionsMonitor<AggregationOptions> aggregation,
    IOptionsMonitor<RetentionOptions> retention,
    IOptionsMonitor<IngestOptions> ingest,
    ILogger<AggregationService> logger)
{
    public Task<AggregationReport> RunHourlyAsync(CancellationToken cancellationToken = default) => RunAsync(RollupTier.Hourly, cancellationToken);

    public Task<AggregationReport> RunDailyAsync(CancellationToken cancellationToken = default) => RunAsync(RollupTier.Daily, cancellationToken);

    public async Task<AggregationReport> RunAsync(RollupTier tier, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var closedUntil = tier.Floor(now);
        var before = await jobs.GetWatermarkAsync(tier.Name, cancellationToken);
        // Raw rows older than the raw policy may be gone: never start before it.
        var oldestRaw = tier.Floor(now.AddDays(-retention.CurrentValue.RawDays));
        var start = before ?? await FirstRawBucketAsync(tier, closedUntil, cancellationToken);
        if (start < oldestRaw)
        {
            start = oldestRaw;
        }

        // Marks read before the run: those for buckets this run rolls up anyway need no second pass.
        var marks = await jobs.ListLateAsync(tier, cancellationToken);
        var known = await hosts.ListAsync(cancellationToken);
        int rows = 0;
        long read = 0;
        // A sample is at most the allowed skew ahead of the server clock when it arrives, and last_seen is that clock
        // then: a host last seen more than the skew before the range began has no samples in it.
        var skew = TimeSpan.FromMinutes(ingest.CurrentValue.MaxFutureSkewMinutes);
        if (start < closedUntil)
        {
            foreach (var host in known)
            {
                if (host.LastSeen >= start - skew)
                {
                    var (wrote, count) = await RollUpHostAsync(tier, host.HostId, start, closedUntil, cancellationToken);
                    rows += wrote;
                    read += count;
                }
            }

            await jobs.AdvanceWatermarkAsync(tier.Name, closedUntil, cancellationToken);
        }

        var buckets = start < closedUntil ? (int)((closedUntil - start) / tier.Bucket) : 0;
        var late = await RecomputeLateAsync(tier, marks, start, now, cancellationToken);
        var after = closedUntil > start ? closedUntil : start;
        logger.LogInformation(
            "Aggregation {Job} rolled up {Buckets} buckets and {Late} late ones: {Rows} rows from {Samples} samples; watermark {Before} -> {After}",
            tier.Name, buckets, late.Buckets, rows + late.Rows, read + late.Samples, before, after);
        return new AggregationReport(tier.Name, now, before, after, buckets, late.Buckets, rows + late.Rows, read + late.Samples);
    }

    /// <summary>One host's rollup of a run, as its own span.</summary>
    private Task<(int Rows, long Samples)> RollUpHostAsync(RollupTier tier, string hostId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        InfraTelemetry.InSpanAsync(InfraTelemetry.RollupHost, async span =>
        {
            span?.SetTag("infra.host_id", hostId);
            span?.SetTag("infra.rollup.tier", tier.Name);
            var (rows, read) = await RollUpRangeAsync(tier, hostId, from, to, cancellationToken);
            span?.SetTag("infra.rollup.rows", rows);
            span?.SetTag("infra.rollup.samples", read);
            return (rows, read);
        });

    /// <summary>Rolls up every bucket of [from, to) of one host in one pass over its raw rows.</summary>
    private async Task<(int Rows, long Samples)> RollUpRangeAsync(RollupTier tier, string hostId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        int rows = 0;
        long read = 0;
        RollupCalculator? current = null;
        var bucket = DateTimeOffset.MinValue;
        await foreach (var raw in samples.ReadAsync(hostId, from, to - TimeSpan.FromTicks(1), RollupCalculator.RawColumns, cancellationToken))
        {
            var start = tier.Floor(TableKeys.FromTimeRowKey(raw.RowKey));
            if (current is not null && start != bucket)
            {
                await WriteAsync(tier, hostId, bucket, current, cancellationToken);
                rows++;
                current = null;
            }

            current ??= new RollupCalculator();
            bucket = start;
            current.Add(raw);
            read++;
        }

        if (current is not null)
        {
            await WriteAsync(tier, hostId, bucket, current, cancellationToken);
            rows++;
        }

        return (rows, read);
    }

    private async Task WriteAsync(RollupTier tier, string hostId, DateTimeOffset bucket, RollupCalculator calculator, CancellationToken cancellationToken)
    {
        await rollups.WriteAsync(tier, calculator.ToRollup(hostId, bucket), cancellationToken);
        await stats.RecordRollupAsync(tier, hostId, bucket, calculator.Count, cancellationToken);
    }

    /// <summary>Recomputes one host's bucket from its raw rows and writes it (nothing when it has no samples).</summary>
    public async Task<(bool Wrote, long Samples)> RollUpAsync(RollupTier tier, string hostId, DateTimeOffset bucket, CancellationToken cancellationToken = default)
    {
        var calculator = new RollupCalculator();
        var last = bucket + tier.Bucket - TimeSpan.FromTicks(1);
        await foreach (var raw in samples.ReadAsync(hostId, bucket, last, RollupCalculator.RawColumns, cancellationToken))
        {
            calculator.Add(raw);
        }

        if (calculator.Count == 0)
        {
            return (false, 0);
        }

        await WriteAsync(tier, hostId, bucket, calculator, cancellationToken);
        return (true, calculator.Count);
    }

    private async Task<(int Buckets, int Rows, long Samples)> RecomputeLateAsync(
        RollupTier tier, IReadOnlyList<LateMark> marks, DateTimeOffset rolledUpFrom, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var limit = now.AddHours(-aggregation.CurrentValue.LateSampleLookbackHours);
        int buckets = 0, rows = 0;
        long read = 0;
        foreach (var mark in marks)
        {
            // Buckets this run rolled up already include the late rows; too old ones are left as they are.
            if (mark.Start < rolledUpFrom && mark.Start + tier.Bucket > limit)
            {
                var (wrote, count) = await RollUpAsync(tier, mark.HostId, mark.Start, cancellationToken);
                buckets++;
                rows += wrote ? 1 : 0;
                read += count;
            }

            await jobs.ClearLateAsync(tier, mark, cancellationToken);
        }

        return (buckets, rows, read);
    }

    private async Task<DateTimeOffset> FirstRawBucketAsync(RollupTier tier, DateTimeOffset closedUntil, CancellationToken cancellationToken)
    {
        // First run: start at the oldest raw day table, found by listing tables (O(tables), no row scan).
        DateOnly? oldest = null;
        foreach (var name in await store.ListNamesAsync(TableKeys.SamplesTablePrefix, cancellationToken))
        {
            if (TableKeys.SamplesTableDay(name) is { } day && (oldest is null || day < oldest))
            {
                oldest = day;
            }
        }

        return oldest is { } d ? tier.Floor(new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)) : closedUntil;
    }
}
