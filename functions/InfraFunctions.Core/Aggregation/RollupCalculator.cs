namespace InfraFunctions.Core.Aggregation;

/// <summary>Rolls raw sample rows (in time order) into one <see cref="Rollup"/>: flat columns, plus every disk from the JSON.</summary>
public sealed class RollupCalculator
{
    public static readonly string[] RawColumns = [.. SampleEntityMapper.RowColumns, SampleEntityMapper.CompressedJsonColumn, SampleEntityMapper.JsonColumn];

    private readonly Dictionary<string, List<double>> _metrics = Rollup.MetricNames.ToDictionary(m => m, _ => new List<double>(), StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, List<double>>> _mounts = new(StringComparer.Ordinal);

    public int Count { get; private set; }

    public void Add(TableEntity raw)
    {
        Count++;
        foreach (var name in Rollup.MetricNames)
        {
            _metrics[name].Add(raw.GetDouble(name) ?? 0);
        }

        using var document = SampleEntityMapper.ParseStoredJson(raw);
        if (document is null || !document.RootElement.TryGetProperty("disks", out var disks) || disks.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var disk in disks.EnumerateArray())
        {
            if (disk.TryGetProperty("mount", out var mount) && mount.GetString() is { } name)
            {
                if (!_mounts.TryGetValue(name, out var values))
                {
                    _mounts[name] = values = new(StringComparer.Ordinal) { ["percent"] = [], ["read_bps"] = [], ["write_bps"] = [] };
                }

                values["percent"].Add(Number(disk, "percent"));
                values["read_bps"].Add(Number(disk, "read_bytes_per_sec"));
                values["write_bps"].Add(Number(disk, "write_bytes_per_sec"));
            }
        }
    }

    public Rollup ToRollup(string hostId, DateTimeOffset bucketStart) => new(
        hostId,
        bucketStart,
        _metrics.ToDictionary(m => m.Key, m => MetricRollup.Of(m.Value), StringComparer.Ordinal),
        _mounts.ToDictionary(
            m => m.Key,
            m => (IReadOnlyDictionary<string, MetricRollup>)m.Value.ToDictionary(v => v.Key, v => MetricRollup.Of(v.Value), StringComparer.Ordinal),
            StringComparer.Ordinal));

    private static double Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : 0;
}
