using System.Text.Json.Serialization;

namespace InfraFunctions.Core.Aggregation;

/// <summary>
/// A rollup row: PartitionKey = host, RowKey = bucket start, columns <c>{metric}_{count|sum|min|max|last|p95}</c>
/// (48 of the 252 properties an entity may hold), and every disk's rollups as JSON in <c>mounts</c>.
/// </summary>
public static class RollupEntityMapper
{
    private static readonly string[] Parts = ["count", "sum", "min", "max", "last", "p95"];

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

        return entity;
    }

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
        return new Rollup(e.GetString("host_id") ?? TableKeys.DecodeHostId(e.PartitionKey), e.GetDateTimeOffset("start") ?? TableKeys.FromTimeRowKey(e.RowKey), metrics, mounts);
    }

    /// <summary>The columns a summary reads: the flat metrics, without the disks' JSON.</summary>
    public static readonly string[] SummaryColumns = ["PartitionKey", "RowKey", "start", .. Rollup.MetricNames.SelectMany(m => Parts.Select(p => $"{m}_{p}"))];
}
