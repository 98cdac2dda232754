namespace InfraFunctions.Core.Aggregation;

/// <summary>
/// Reads a long window from the coarsest tier that covers it (README "Data"): hourly rollups up to 90 days, daily beyond.
/// Each tier is read up to its watermark; the part no job has rolled up yet (at most about an hour) comes from the
/// next finer tier, and finally from raw samples rolled up on the fly.
/// </summary>
public sealed class TieredSummaryReader(RollupRepository rollups, SampleRepository samples, JobStore jobs)
{
    public static readonly TimeSpan HourlyUpTo = TimeSpan.FromDays(90);

    public Task<SummaryRead> ReadAsync(string hostId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        ReadAsync(hostId, from, to, withParts: false, cancellationToken);

    /// <param name="withParts">Also read the custom series and temperatures: from the rollups' parts, and from the raw samples' JSON.</param>
    public async Task<SummaryRead> ReadAsync(string hostId, DateTimeOffset from, DateTimeOffset to, bool withParts, CancellationToken cancellationToken = default)
    {
        RollupTier[] tiers = to - from > HourlyUpTo ? [RollupTier.Daily, RollupTier.Hourly] : [RollupTier.Hourly];
        var buckets = new List<Rollup>();
        var cursor = tiers[0].Floor(from);
        var rollupRows = 0;
        foreach (var tier in tiers)
        {
            var end = await jobs.GetWatermarkAsync(tier.Name, cancellationToken) ?? cursor;
            if (end > to)
            {
                end = tier.Floor(to);
            }

            if (end > cursor)
            {
                var rows = await rollups.ReadAsync(tier, hostId, cursor, end, withParts ? RollupEntityMapper.PartsColumns : RollupEntityMapper.SummaryColumns, cancellationToken);
                buckets.AddRange(rows);
                rollupRows += rows.Count;
                cursor = end;
            }
        }

        var rawRows = 0;
        RollupCalculator? current = null;
        var currentStart = DateTimeOffset.MinValue;
        await foreach (var raw in samples.ReadAsync(hostId, cursor, to, withParts ? RollupCalculator.RawColumns : SampleEntityMapper.RowColumns, cancellationToken))
        {
            rawRows++;
            var start = RollupTier.Hourly.Floor(TableKeys.FromTimeRowKey(raw.RowKey));
            if (current is null || start != currentStart)
            {
                if (current is not null)
                {
                    buckets.Add(current.ToRollup(hostId, currentStart));
                }

                current = new RollupCalculator();
                currentStart = start;
            }

            current.Add(raw);
        }

        if (current is not null)
        {
            buckets.Add(current.ToRollup(hostId, currentStart));
        }

        return new SummaryRead(tiers[0].Name, buckets, rawRows, rollupRows);
    }
}
