using System.Net;
using InfraFunctions.Testing;

namespace InfraFunctions.Tests;

public sealed class TelemetryExportTests(TelemetryExportFixture fixture) : IClassFixture<TelemetryExportFixture>
{
    // The exporter sends a batch every few seconds; the deadline leaves room for a slow machine.
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private async Task<string> IngestAsync(LocalHostServer? server = null)
    {
        server ??= fixture.Server;
        var host = Http.NewHostId("otel");
        var (_, key) = await server.CreateAgentAsync(host);
        using var agent = server.ClientWithBearer(key);
        using var post = await agent.PostAsync("api/v1/ingest/samples", Samples.Json(Samples.Batch(host, Samples.Times(DateTimeOffset.UtcNow.AddSeconds(-1), 3, TimeSpan.FromSeconds(5)))));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        return host;
    }

    private const string Invocation = "function IngestSamples";

    private static bool IsStoreOf(TelemetryItem item, string host) =>
        item.ItemName == "ingest.store" && item.Properties.GetValueOrDefault("infra.host_id") == host;

    [Fact]
    public async Task OneIngestPostIsOneTraceInApplicationInsightsFromTheInvocationThroughIngestStoreToTheTableCall()
    {
        var host = await IngestAsync();

        var items = await fixture.Ingestion.WaitForAsync(all =>
            all.FirstOrDefault(i => IsStoreOf(i, host)) is { } store
            && all.Any(i => i.ItemName == Invocation && i.OperationId == store.OperationId)
            && all.Any(i => i.ParentId == store.Id && i.ItemName == "TableClient.SubmitTransaction"), Deadline);

        // In Azure the host's request is the root; LocalHost exports none, so the worker's invocation span is the top.
        var store = items.First(i => IsStoreOf(i, host));
        var trace = items.Where(i => i.OperationId == store.OperationId).ToList();
        var invocation = Assert.Single(trace, i => i.ItemName == Invocation);
        Assert.All(trace, i => Assert.Equal(fixture.Ingestion.InstrumentationKey, i.InstrumentationKey));
        Assert.All(trace, i => Assert.Equal("RemoteDependencyData", i.BaseType));
        Assert.Equal(32, store.OperationId!.Length);
        Assert.Equal(invocation.Id, store.ParentId);
        Assert.Contains(trace, i => i.ItemName == "ingest.validate" && i.ParentId == invocation.Id);
        Assert.Contains(trace, i => i.ItemName == "ingest.publish" && i.ParentId == invocation.Id);
        var table = Assert.Single(trace, i => i.ParentId == store.Id && i.ItemName == "TableClient.SubmitTransaction");
        Assert.EndsWith("Microsoft.Tables", table.Envelope["data"]!["baseData"]!["type"]!.GetValue<string>(), StringComparison.Ordinal);
        // The SDK's HTTP span under each call is left out when it succeeded.
        Assert.DoesNotContain(trace, i => i.ItemName?.StartsWith("POST /", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task TheExporterPostsNewlineDelimitedEnvelopesToTrackWithTheManagedIdentitysBearerToken()
    {
        var host = await IngestAsync();
        await fixture.Ingestion.WaitForAsync(all => all.Any(i => IsStoreOf(i, host)), Deadline);

        var requests = fixture.Ingestion.Requests;
        Assert.NotEmpty(requests);
        Assert.All(requests, r =>
        {
            Assert.Equal(AppInsightsIngestionServer.TrackPath, r.Path);
            Assert.Equal("Bearer test-token-for https://monitor.azure.com/.default", r.Authorization);
            Assert.StartsWith("application/json", r.ContentType, StringComparison.Ordinal);
        });
        Assert.Contains(fixture.Identity.Requests, r => r.ClientId == TelemetryExportFixture.IdentityClientId && r.Refused is null);
        Assert.All(fixture.Ingestion.Items, i => Assert.False(string.IsNullOrEmpty(i.BaseType)));
    }

    [Fact]
    public async Task WithSamplingRatioZeroASuccessfulIngestIsNotExportedWhileAReadAfterItIs()
    {
        var host = await IngestAsync(fixture.Sampled);
        using var reader = fixture.Sampled.ClientWithBearer(await fixture.Sampled.CreateTokenAsync());
        using var read = await reader.GetAsync(Http.Query("api/v1/observability/infrastructure/system", host));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);

        // The read ended after the ingest, so its batch is the ingest's or a later one.
        var items = await fixture.SampledIngestion.WaitForAsync(all => all.Any(i => i.ItemName == "function InfrastructureSystem"), Deadline);

        Assert.DoesNotContain(items, i => i.ItemName == Invocation);
        Assert.DoesNotContain(items, i => i.ItemName?.StartsWith("ingest.", StringComparison.Ordinal) == true);
    }
}
