namespace InfraFunctions.Core.Aggregation;

/// <summary>
/// Collects custom series in time order, keeping points only for the first <c>maxSeries</c> matching series in key
/// order. A series is admitted when first seen if its key is among the smallest so far; the bar only falls, so a
/// series left out is never needed later, and memory stays bounded by the series kept, not by every series.
/// </summary>
internal sealed class CustomSeriesCollector(string? name, IReadOnlyList<KeyValuePair<string, string>> labels, int maxSeries)
{
    private readonly Dictionary<string, (string? Type, HashSet<string> Keys)> _names = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, Kept> _kept = new(StringComparer.Ordinal);
    private readonly HashSet<string> _matched = new(StringComparer.Ordinal);

    private sealed record Kept(string Name, IReadOnlyDictionary<string, string>? Labels, List<(DateTimeOffset At, SeriesStats Stats)> Points)
    {
        public string? Type { get; set; }
    }

    public void Add(DateTimeOffset at, string key, string seriesName, IReadOnlyDictionary<string, string>? seriesLabels, string? type, SeriesStats stats)
    {
        if (!_names.TryGetValue(seriesName, out var known))
        {
            _names[seriesName] = known = (type, new HashSet<string>(StringComparer.Ordinal));
        }

        known.Keys.Add(key);
        if (type is not null)
        {
            _names[seriesName] = (type, known.Keys);
        }

        if ((name is not null && !string.Equals(name, seriesName, StringComparison.Ordinal)) || !CustomSeriesKey.Matches(seriesLabels, labels))
        {
            return;
        }

        _matched.Add(key);
        if (!_kept.TryGetValue(key, out var kept))
        {
            if (_kept.Count >= maxSeries)
            {
                var last = _kept.Keys.Last();
                if (string.CompareOrdinal(key, last) > 0)
                {
                    return;
                }

                _kept.Remove(last);
            }

            _kept[key] = kept = new Kept(seriesName, seriesLabels, []);
        }

        kept.Type = type ?? kept.Type;
        kept.Points.Add((at, stats));
    }

    public CustomSeriesRead ToRead(string resolution, int maxPoints) => new(
        resolution,
        _names.OrderBy(n => n.Key, StringComparer.Ordinal).Select(n => new CustomName(n.Key, n.Value.Type ?? Untyped, n.Value.Keys.Count)).ToArray(),
        _kept.Values.Select(k => new CustomSeries(k.Name, k.Labels ?? new Dictionary<string, string>(), k.Type ?? Untyped, Thin(k.Points, maxPoints))).ToArray(),
        _matched.Count > maxSeries);

    private const string Untyped = "untyped";

    private static CustomPoint[] Thin(List<(DateTimeOffset At, SeriesStats Stats)> points, int maxPoints)
    {
        var size = Math.Max(1, (int)Math.Ceiling(points.Count / (double)maxPoints));
        return points.Chunk(size).Select(run =>
        {
            var s = run.Length == 1 ? run[0].Stats : SeriesStats.Combine(run.Select(p => p.Stats).ToArray());
            return new CustomPoint(run[0].At, s.Average, s.Min, s.Max);
        }).ToArray();
    }
}
