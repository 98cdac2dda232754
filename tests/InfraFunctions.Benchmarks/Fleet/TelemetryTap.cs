using InfraFunctions.Testing;

namespace InfraFunctions.Benchmarks.Fleet;

/// <summary>
/// The loopback Application Insights ingestion endpoint the function app's Azure Monitor exporter sends to, with
/// the counts the bill needs: items and uncompressed bytes by type, since Log Analytics bills ingested bytes.
/// </summary>
public sealed class TelemetryTap : IAsyncDisposable
{
    private readonly AppInsightsIngestionServer _server;
    private TelemetryTap(AppInsightsIngestionServer server) => _server = server;

    /// <summary>The app settings that point the exporter here.</summary>
    public IReadOnlyDictionary<string, string?> AppSettings => _server.AppSettings;

    public long TotalBytes => _server.BytesByType.Values.Sum();

    public static async Task<TelemetryTap> StartAsync() => new(await AppInsightsIngestionServer.StartAsync());

    public void Reset()
    {
        _server.Reset();
    }

    /// <summary>Waits until no trace or log item has arrived for longer than the exporter's 5 s batch delay (at most 60 s).</summary>
    public async Task SettleAsync()
    {
        var last = -1L;
        var quiet = 0;
        for (var i = 0; i < 120 && quiet < 14; i++)
        {
            await Task.Delay(500);
            var now = _server.ItemCountByType.Where(kv => kv.Key != MetricType).Sum(kv => kv.Value);
            quiet = now == last ? quiet + 1 : 0;
            last = now;
        }
    }

    /// <summary>Trace and log items per post: everything but metrics, which are per instance and export, not per post.</summary>
    public TelemetryCounts Counts(long posts)
    {
        var byType = _server.ItemCountByType.Where(kv => kv.Key != MetricType)
            .ToDictionary(kv => kv.Key, kv => (kv.Value, _server.BytesByType.GetValueOrDefault(kv.Key)), StringComparer.Ordinal);
        return new TelemetryCounts(
            byType.Values.Sum(v => v.Value) / (double)posts,
            byType.Values.Sum(v => v.Item2) / (double)posts,
            byType);
    }

    /// <summary>
    /// Metric items and bytes per export of one instance: each export sends one item per series (instrument and tag
    /// values) that had measurements, so that is the number of distinct series seen, at their mean size.
    /// </summary>
    public (double Items, double Bytes) MetricsPerExport()
    {
        var metrics = _server.Items.Where(i => i.BaseType == MetricType).ToArray();
        if (metrics.Length == 0)
        {
            return (0, 0);
        }

        var series = metrics.Select(i => string.Join('|', i.Metrics.Select(m => m.Name).Concat(i.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")))).Distinct(StringComparer.Ordinal).Count();
        return (series, series * metrics.Average(i => (double)i.Bytes));
    }

    private const string MetricType = "MetricData";

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
