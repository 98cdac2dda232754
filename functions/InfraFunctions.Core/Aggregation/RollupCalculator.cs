namespace InfraFunctions.Core.Aggregation;

/// <summary>
/// Rolls raw sample rows (in time order) into one <see cref="Rollup"/>: flat columns, plus every disk, custom series
/// and temperature sensor from the JSON.
/// </summary>
public sealed class RollupCalculator
{
    public static readonly string[] RawColumns = [.. SampleEntityMapper.RowColumns, SampleEntityMapper.CompressedJsonColumn, SampleEntityMapper.JsonColumn];

    private readonly Dictionary<string, List<double>> _metrics = Rollup.MetricNames.ToDictionary(m => m, _ => new List<double>(), StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, List<double>>> _mounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CustomRollup> _custom = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SeriesStats> _temperatures = new(StringComparer.Ordinal);

    public int Count { get; private set; }

    public void Add(TableEntity raw)
    {
        Count++;
        foreach (var name in Rollup.MetricNames)
        {
            _metrics[name].Add(raw.GetDouble(name) ?? 0);
        }

        using var document = SampleEntityMapper.ParseStoredJson(raw);
        if (document is null)
        {
            return;
        }

        var root = document.RootElement;
        AddCustom(root);
        AddTemperatures(root);
        if (!root.TryGetProperty("disks", out var disks) || disks.ValueKind != JsonValueKind.Array)
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
            StringComparer.Ordinal),
        _custom.Count == 0 ? null : new Dictionary<string, CustomRollup>(_custom, StringComparer.Ordinal),
        _temperatures.Count == 0 ? null : new Dictionary<string, SeriesStats>(_temperatures, StringComparer.Ordinal));

    private void AddCustom(JsonElement root)
    {
        foreach (var m in CustomSeriesJson.Read(root))
        {
            _custom[m.Key] = _custom.TryGetValue(m.Key, out var known)
                ? known with { Type = m.Type ?? known.Type, Stats = known.Stats.Add(m.Value) }
                : new CustomRollup(m.Name, m.Labels, m.Type, SeriesStats.Of(m.Value));
        }
    }

    private void AddTemperatures(JsonElement root)
    {
        if (!root.TryGetProperty("temperatures", out var sensors) || sensors.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var t in sensors.EnumerateArray())
        {
            if (t.TryGetProperty("sensor", out var s) && s.GetString() is { } sensor && t.TryGetProperty("celsius", out var c) && c.ValueKind == JsonValueKind.Number)
            {
                var value = c.GetDouble();
                _temperatures[sensor] = _temperatures.TryGetValue(sensor, out var known) ? known.Add(value) : SeriesStats.Of(value);
            }
        }
    }

    private static double Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : 0;
}
