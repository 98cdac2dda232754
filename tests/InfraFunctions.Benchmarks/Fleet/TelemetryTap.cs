using InfraFunctions.Testing;

namespace InfraFunctions.Benchmarks.Fleet;

/// <summary>
/// The loopback Application Insights ingestion endpoint the function app's Azure Monitor exporter sends to, with
/// the counts the bill needs: items and uncompressed bytes by type, since Log Analytics bills ingested bytes.
/// </summary>
public sealed class TelemetryTap : IAsyncDisposable
{
    private readonly AppInsightsIngestionServer _server;
    private DateTimeOffset _since = DateTimeOffset.UtcNow;

    private TelemetryTap(AppInsightsIngestionServer server) => _server = server;

    /// <summary>The app settings that point the exporter here, exporting every second so a run settles quickly.</summary>
    public IReadOnlyDictionary<string, string?> AppSettings => new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = $"InstrumentationKey={Guid.Empty:D};IngestionEndpoint={_server.Url}",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "1000",
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "5000",
    };

    public long TotalBytes => _server.BytesByType.Values.Sum();

    public static async Task<TelemetryTap> StartAsync() => new(await AppInsightsIngestionServer.StartAsync());

    public void Reset()
    {
        _server.Reset();
        _since = DateTimeOffset.UtcNow;
    }

    /// <summary>Waits until nothing new has arrived for three export intervals of traces (at most 30 s).</summary>
    public async Task SettleAsync()
    {
        var last = -1L;
        var quiet = 0;
        for (var i = 0; i < 60 && quiet < 6; i++)
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

    /// <summary>Metric items and bytes per export, from what arrived since the last reset at the 5 s interval set above.</summary>
    public (double Items, double Bytes) MetricsPerExport()
    {
        var exports = Math.Max(1, (DateTimeOffset.UtcNow - _since).TotalSeconds / 5);
        return (_server.ItemCountByType.GetValueOrDefault(MetricType) / exports, _server.BytesByType.GetValueOrDefault(MetricType) / exports);
    }

    private const string MetricType = "MetricData";

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
