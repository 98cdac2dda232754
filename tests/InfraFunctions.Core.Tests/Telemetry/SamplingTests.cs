using System.Diagnostics;
using InfraFunctions.Core.Retention;
using InfraFunctions.Core.Telemetry;
using InfraFunctions.Testing;

namespace InfraFunctions.Core.Tests.Telemetry;

[Collection(TelemetryCollection.Name)]
public sealed class SamplingTests(TablesFixture tables) : IClassFixture<TablesFixture>
{
    // Nothing listens on port 1: every Table Storage call fails at once, as in an outage.
    private const string StorageDown =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:1/devstoreaccount1;";

    [Fact]
    public async Task WithRatioZeroAnIngestThatMeetsAStorageOutageIsExportedWithItsException()
    {
        using var capture = new TelemetryCapture(ingestSamplingRatio: 0);
        var traceId = await IngestAsync(StorageDown, expectFailure: true);

        var spans = capture.Exported(traceId);
        Assert.Single(spans, s => s.OperationName == "Invoke");
        var failed = Assert.Single(spans, s => s.Source.Name == InfraTelemetry.Name && s.Status == ActivityStatusCode.Error);
        Assert.Contains(failed.Events, e => e.Name == "exception" && e.Tags.Any(t => t.Key == "exception.type"));
        Assert.Contains(spans, s => s.Source.Name.StartsWith("Azure.Data.Tables", StringComparison.Ordinal) && s.Status == ActivityStatusCode.Error);
        Assert.Contains(spans, s => s.Source.Name == AzureHttpSpanFilter.AzureHttpSource && s.Status == ActivityStatusCode.Error);
    }

    [Fact]
    public async Task WithRatioOneEverySuccessfulIngestTraceIsExported()
    {
        using var capture = new TelemetryCapture(ingestSamplingRatio: 1);
        var traces = new List<ActivityTraceId>();
        for (var i = 0; i < 5; i++)
        {
            traces.Add(await IngestAsync(tables.ConnectionString));
        }

        Assert.All(traces, t => Assert.Contains(capture.Exported(t), s => s.OperationName == InfraTelemetry.IngestStore));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task WithRatioZeroAnotherFunctionIsStillExportedWhicheverSchemaTheWorkerSpeaks(bool schema137)
    {
        using var capture = new TelemetryCapture(ingestSamplingRatio: 0);
        await using var core = CoreHarness.Create(tables.ConnectionString, DateTimeOffset.UtcNow);
        ActivityTraceId traceId;
        using (var invocation = TelemetryCapture.StartInvocation("RetentionCleanup", schema137))
        {
            traceId = invocation.TraceId;
            await core.Get<RetentionService>().RunAsync();
        }

        var spans = capture.Exported(traceId);
        Assert.Single(spans, s => s.Source.Name == IngestSampler.WorkerSourceName);
        Assert.Single(spans, s => s.OperationName == InfraTelemetry.RetentionRun);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task WithRatioZeroASuccessfulIngestIsDroppedWhicheverSchemaTheWorkerSpeaks(bool schema137)
    {
        using var capture = new TelemetryCapture(ingestSamplingRatio: 0);
        var traceId = await IngestAsync(tables.ConnectionString, schema137: schema137);

        Assert.Empty(capture.Exported(traceId));
    }

    private static async Task<ActivityTraceId> IngestAsync(string connectionString, bool expectFailure = false, bool schema137 = false)
    {
        var now = DateTimeOffset.UtcNow;
        await using var core = CoreHarness.Create(connectionString, now);
        using var invocation = TelemetryCapture.StartInvocation("IngestSamples", schema137);
        var ingest = core.IngestAsync($"otel-{Guid.NewGuid():N}"[..20], Samples.Times(now, 2, TimeSpan.FromSeconds(5)));
        if (expectFailure)
        {
            await Assert.ThrowsAnyAsync<Exception>(() => ingest);
        }
        else
        {
            Assert.Equal(2, (await ingest).Accepted);
        }

        return invocation.TraceId;
    }
}
