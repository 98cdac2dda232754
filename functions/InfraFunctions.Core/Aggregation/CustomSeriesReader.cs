namespace InfraFunctions.Core.Aggregation;

/// <summary>
/// Reads a host's custom series over a window as the summary reads its metrics: windows up to
/// <see cref="TimeWindows.SummaryRawUpTo"/> from the raw samples (one point per sample), longer ones from the rollup
/// tiers (one point per bucket: average, lowest, highest). Either is thinned to at most <see cref="TimeWindows.MaxPoints"/> points.
/// </summary>
public sealed class CustomSeriesReader(SampleRepository samples, TieredSummaryReader tiers)
{
    /// <summary>The most series one read returns.</summary>
    public const int MaxSeries = 50;

    private static readonly string[] RawColumns = ["RowKey", SampleEntityMapper.CompressedJsonColumn, SampleEntityMapper.JsonColumn];

    public async Task<CustomSeriesRead> ReadAsync(
        string hostId, DateTimeOffset from, DateTimeOffset to, string? name, IReadOnlyList<KeyValuePair<string, string>> labels, CancellationToken cancellationToken = default)
    {
        var collector = new CustomSeriesCollector(name, labels, MaxSeries);
        if (to - from > TimeWindows.SummaryRawUpTo)
        {
            var read = await tiers.ReadAsync(hostId, from, to, withParts: true, cancellationToken);
            foreach (var bucket in read.Buckets)
            {
                foreach (var (key, c) in bucket.CustomSeries.OrderBy(c => c.Key, StringComparer.Ordinal))
                {
                    collector.Add(bucket.Start, key, c.Name, c.Labels, c.Type, c.Stats);
                }
            }

            return collector.ToRead(read.Resolution, TimeWindows.MaxPoints);
        }

        await foreach (var raw in samples.ReadAsync(hostId, from, to, RawColumns, cancellationToken))
        {
            using var document = SampleEntityMapper.ParseStoredJson(raw);
            if (document is null)
            {
                continue;
            }

            var at = TableKeys.FromTimeRowKey(raw.RowKey);
            foreach (var m in CustomSeriesJson.Read(document.RootElement))
            {
                collector.Add(at, m.Key, m.Name, m.Labels, m.Type, SeriesStats.Of(m.Value));
            }
        }

        return collector.ToRead("raw", TimeWindows.MaxPoints);
    }
}
