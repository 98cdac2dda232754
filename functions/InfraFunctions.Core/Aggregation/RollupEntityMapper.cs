using System.Text.Json.Serialization;

namespace InfraFunctions.Core.Aggregation;

/// <summary>
/// A rollup row: PartitionKey = host, RowKey = bucket start, columns <c>{metric}_{count|sum|min|max|last|p95}</c>
/// (48 of the 252 properties an entity may hold), every disk's rollups as JSON in <c>mounts</c>, and the custom series
/// and temperatures as compressed JSON (<see cref="RollupParts"/>) in <c>parts0</c>, <c>parts1</c>, ...
/// (<see cref="ChunkedBinary"/>): a thousand series take more than one binary property. The row stays within the
/// entity's 1 MiB; series past it, last in key order, are left out and counted in <see cref="Rollup.CustomCut"/>.
/// </summary>
public static class RollupEntityMapper
{
    private static readonly string[] Parts = ["count", "sum", "min", "max", "last", "p95"];

    public const string PartsPrefix = "parts";

    /// <summary>The most <c>parts</c> properties a row selects; the size budget below keeps it to 12 (768 KiB).</summary>
    public const int MaxPartsChunks = 15;

    /// <summary>Room kept for the other columns, measured on each row, and a margin.</summary>
    private const int Margin = 4096;

    public static TableEntity ToEntity(Rollup rollup)
    {
        var entity = new TableEntity(TableKeys.EncodeHostId(rollup.HostId), TableKeys.TimeRowKey(rollup.Start))
        {
            ["host_id"] = rollup.HostId,
            ["start"] = rollup.Start,
            ["mounts"] = JsonSerializer.Serialize(rollup.Mounts.ToDictionary(m => m.Key, m => m.Value.ToDictionary(v => v.Key, v => v.Value)), RollupJsonContext.Default.DictionaryStringDictionaryStringMetricRollup),
        };
        foreach (var (name, m) in rollup.Metrics)
        {
            entity[$"{name}_count"] = m.Count;
            entity[$"{name}_sum"] = m.Sum;
            entity[$"{name}_min"] = m.Min;
            entity[$"{name}_max"] = m.Max;
            entity[$"{name}_last"] = m.Last;
            entity[$"{name}_p95"] = m.P95;
        }

        PutParts(entity, rollup);
        return entity;
    }

    private static void PutParts(TableEntity entity, Rollup rollup)
    {
        if (rollup.CustomSeries.Count == 0 && rollup.TemperatureSeries.Count == 0)
        {
            return;
        }

        // Table Storage counts binary byte for byte, but Azurite counts the entity as sent, binary in base64: keep to
        // that, three quarters of what is left, so a row that Azurite stores is one Azure stores too.
        var budget = Math.Min((long)MaxPartsChunks * TableLimits.MaxBinaryBytes, (TableLimits.MaxEntityBytes - EntitySize.Stored(entity) - Margin - (MaxPartsChunks * 32L)) * 3 / 4);
        var custom = rollup.CustomSeries.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Value).ToArray();
        var keep = custom.Length;
        var bytes = Compress(custom, keep, rollup);
        // Each round keeps the share of the series the size says fits, with a margin; a few rounds at most.
        for (var round = 0; bytes.Length > budget && keep > 0 && round < 8; round++)
        {
            keep = Math.Max(0, Math.Min(keep - 1, (int)(keep * (budget / (double)bytes.Length) * 0.95)));
            bytes = Compress(custom, keep, rollup);
        }

        ChunkedBinary.Put(entity, PartsPrefix, bytes);
    }

    private static byte[] Compress(CustomRollup[] custom, int keep, Rollup rollup)
    {
        var parts = new RollupParts(
            keep == 0 ? null : custom.Take(keep).ToArray(),
            rollup.TemperatureSeries.Count == 0 ? null : rollup.TemperatureSeries,
            rollup.CustomCut + custom.Length - keep);
        return CompressedJson.Compress(JsonSerializer.Serialize(parts, RollupJsonContext.Default.RollupParts));
    }

    private static RollupParts? ReadParts(TableEntity e) =>
        ChunkedBinary.Get(e, PartsPrefix) is { } bytes
            ? JsonSerializer.Deserialize(CompressedJson.Decompress(bytes), RollupJsonContext.Default.RollupParts)
            : null;

    public static Rollup ToRollup(TableEntity e)
    {
        var metrics = new Dictionary<string, MetricRollup>(StringComparer.Ordinal);
        foreach (var name in Rollup.MetricNames)
        {
            metrics[name] = new MetricRollup(
                e.GetInt64($"{name}_count") ?? 0, e.GetDouble($"{name}_sum") ?? 0, e.GetDouble($"{name}_min") ?? 0,
                e.GetDouble($"{name}_max") ?? 0, e.GetDouble($"{name}_last") ?? 0, e.GetDouble($"{name}_p95") ?? 0);
        }

        var mounts = e.GetString("mounts") is { Length: > 0 } json
            ? JsonSerializer.Deserialize(json, RollupJsonContext.Default.DictionaryStringDictionaryStringMetricRollup)!
                .ToDictionary(m => m.Key, m => (IReadOnlyDictionary<string, MetricRollup>)m.Value, StringComparer.Ordinal)
            : [];
        var parts = ReadParts(e);
        return new Rollup(e.GetString("host_id") ?? TableKeys.DecodeHostId(e.PartitionKey), e.GetDateTimeOffset("start") ?? TableKeys.FromTimeRowKey(e.RowKey), metrics, mounts,
            parts?.Custom?.ToDictionary(c => CustomSeriesKey.Of(c.Name, c.Labels), StringComparer.Ordinal),
            parts?.Temperatures,
            parts?.CustomCut ?? 0);
    }

    /// <summary>The columns a summary reads: the flat metrics, without the disks' JSON.</summary>
    public static readonly string[] SummaryColumns = ["PartitionKey", "RowKey", "start", .. Rollup.MetricNames.SelectMany(m => Parts.Select(p => $"{m}_{p}"))];

    /// <summary>The columns the custom series read: the summary's, with the custom series and temperatures.</summary>
    public static readonly string[] PartsColumns = [.. SummaryColumns, .. ChunkedBinary.Columns(PartsPrefix, MaxPartsChunks)];
}
