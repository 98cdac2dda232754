using System.Net;
using InfraFunctions.Testing;

namespace InfraFunctions.Tests;

public sealed class OtlpExportTests : IAsyncLifetime
{
    private readonly TablesFixture _tables = new();
    private OtlpReceiver _otlp = null!;
    private LocalHostServer _server = null!;

    public async Task InitializeAsync()
    {
        await _tables.InitializeAsync();
        _otlp = await OtlpReceiver.StartAsync();
        _server = await LocalHostServer.StartAsync(_tables.ConnectionString, new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = _otlp.Url.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            // Export within a fraction of a second, so the test waits on arrival rather than the default batching.
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
            ["Telemetry__IngestSamplingRatio"] = "1",
        });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _otlp.DisposeAsync();
        await _tables.DisposeAsync();
    }

    [Fact]
    public async Task WithAnOtlpEndpointOneIngestPostArrivesAsOneTraceWithItsStoreSpanAndTheIngestMetrics()
    {
        var host = Http.NewHostId("otlp");
        var (_, key) = await _server.CreateAgentAsync(host);
        using var agent = _server.ClientWithBearer(key);
        using var post = await agent.PostAsync("api/v1/ingest/samples", Samples.Json(Samples.Batch(host, Samples.Times(DateTimeOffset.UtcNow.AddSeconds(-1), 3, TimeSpan.FromSeconds(5)))));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!(_otlp.Spans.Any(s => s.Name == "function IngestSamples") && _otlp.MetricNames.Contains("infra.ingest.samples")))
        {
            await Task.Delay(100, deadline.Token);
        }

        var spans = _otlp.Spans;
        var invocation = spans.First(s => s.Name == "function IngestSamples");
        var trace = spans.Where(s => s.TraceId == invocation.TraceId).ToList();
        var store = Assert.Single(trace, s => s.Name == "ingest.store");
        Assert.Equal(invocation.SpanId, store.ParentSpanId);
        Assert.Contains(trace, s => s.Name == "TableClient.SubmitTransaction" && s.ParentSpanId == store.SpanId);
        Assert.Contains("infra.ingest.batch_size", _otlp.MetricNames);
        Assert.True(_otlp.BytesBySignal["traces"] > 0);
    }
}
