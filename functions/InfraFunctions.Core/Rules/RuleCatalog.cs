namespace InfraFunctions.Core.Rules;

/// <summary>
/// The series the fleet's latest samples carry, each with how many hosts report it, most reported first. Each instance
/// keeps the list for <see cref="CacheFor"/>: it reads every host's row, and a picker does not need it fresher.
/// </summary>
public sealed class RuleCatalog(HostRepository hosts, TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(60);

    /// <summary>The family of every custom series (<c>custom.&lt;name&gt;</c>, with the series' own labels).</summary>
    public const string CustomFamily = "custom";

    private readonly Lock _gate = new();
    private (Task<IReadOnlyList<CatalogSeries>> Read, DateTimeOffset Until)? _cached;

    public Task<IReadOnlyList<CatalogSeries>> ListAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            // Callers arriving while the fleet is read share that one read; a failed read is not kept.
            if (_cached is { } cached && cached.Until > time.GetUtcNow() && !cached.Read.IsFaulted && !cached.Read.IsCanceled)
            {
                return cached.Read;
            }

            var read = ReadAsync(cancellationToken);
            _cached = (read, time.GetUtcNow() + CacheFor);
            return read;
        }
    }

    private async Task<IReadOnlyList<CatalogSeries>> ReadAsync(CancellationToken cancellationToken) =>
        Build(await hosts.ListRecordsAsync(cancellationToken));

    /// <summary>The catalog of these hosts' latest samples.</summary>
    public static IReadOnlyList<CatalogSeries> Build(IEnumerable<HostRecord> records)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            foreach (var series in RuleMetrics.SeriesOf(record.Latest).Distinct(StringComparer.Ordinal))
            {
                counts[series] = counts.GetValueOrDefault(series) + 1;
            }
        }

        var families = RuleMetrics.Families.ToDictionary(f => f.Name, StringComparer.Ordinal);
        return counts
            .Select(c => MetricPath.TryParse(c.Key, out var path, out _) && families.TryGetValue(path.Name, out var family)
                ? new CatalogSeries(c.Key, family.Name, family.Title, family.Unit, c.Value)
                : new CatalogSeries(c.Key, CustomFamily, CustomTitle(c.Key), string.Empty, c.Value))
            .OrderByDescending(s => s.Hosts).ThenBy(s => s.Metric, StringComparer.Ordinal)
            .ToArray();
    }

    private static string CustomTitle(string metric)
    {
        var name = MetricPath.TryParse(metric, out var path, out _) ? path.Name : metric;
        return "Custom series " + name[Math.Min(MetricNames.CustomPrefix.Length, name.Length)..];
    }
}
