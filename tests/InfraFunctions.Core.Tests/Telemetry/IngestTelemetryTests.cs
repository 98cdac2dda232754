using System.Diagnostics;
using InfraFunctions.Core.Telemetry;
using InfraFunctions.Testing;
using OpenTelemetry.Metrics;

namespace InfraFunctions.Core.Tests.Telemetry;

[Collection(TelemetryCollection.Name)]
public sealed class IngestTelemetryTests(TablesFixture tables) : IClassFixture<TablesFixture>
{
    [Fact]
    public async Task OneIngestRecordsValidateStoreAndPublishSpansUnderItsInvocationATableSpanUnderStoreAndTheIngestMetrics()
    {
        using var capture = new TelemetryCapture(ingestSamplingRatio: 1);
        var now = DateTimeOffset.UtcNow;
        await using var core = CoreHarness.Create(tables.ConnectionString, now);
        var host = $"otel-{Guid.NewGuid():N}"[..20];

        ActivityTraceId traceId;
        using (var invocation = TelemetryCapture.StartInvocation("IngestSamples"))
        {
            traceId = invocation.TraceId;
            var reply = await core.IngestAsync(host, Samples.Times(now, 3, TimeSpan.FromSeconds(5)), i => i == 1 ? 150 : 20);
            Assert.Equal(2, reply.Accepted);
        }

        var spans = capture.Exported(traceId);
        var root = Assert.Single(spans, s => s.OperationName == "Invoke");
        var validate = Assert.Single(spans, s => s.OperationName == InfraTelemetry.IngestValidate);
        var store = Assert.Single(spans, s => s.OperationName == InfraTelemetry.IngestStore);
        var publish = Assert.Single(spans, s => s.OperationName == InfraTelemetry.IngestPublish);
        Assert.All([validate, store, publish], s => Assert.Equal(root.SpanId, s.ParentSpanId));
        Assert.All([validate, store, publish], s => Assert.Equal(host, s.GetTagItem("infra.host_id")));
        Assert.Equal(2, validate.GetTagItem("infra.samples.accepted"));
        Assert.Equal(1, validate.GetTagItem("infra.samples.rejected"));
        Assert.Contains(spans, s => s.Source.Name.StartsWith("Azure.Data.Tables", StringComparison.Ordinal) && s.ParentSpanId == store.SpanId);
        Assert.Contains(spans, s => s.OperationName == InfraTelemetry.AlertsEvaluate && s.ParentSpanId == publish.SpanId);
        Assert.DoesNotContain(spans, s => s.Source.Name == AzureHttpSpanFilter.AzureHttpSource);

        var metrics = capture.CollectMetrics();
        var samples = Points(metrics, InfraMetrics.IngestSamplesName);
        Assert.Contains(samples, p => Tag(p, "outcome") == "accepted" && p.GetSumLong() >= 2);
        Assert.Contains(samples, p => Tag(p, "outcome") == "rejected" && Tag(p, "reason") == "cpu.percent" && p.GetSumLong() >= 1);
        Assert.Contains(Points(metrics, InfraMetrics.IngestBatchSizeName), p => p.GetHistogramCount() >= 1 && p.GetHistogramSum() >= 3);
        Assert.Contains(Points(metrics, InfraMetrics.TableWriteDurationName), p => Tag(p, "table") == "samples" && p.GetHistogramCount() >= 1);
        Assert.Contains(Points(metrics, InfraMetrics.TableWriteDurationName), p => Tag(p, "table") == "hosts" && p.GetHistogramCount() >= 1);
        Assert.Contains(Points(metrics, InfraMetrics.AlertEvaluationsName), p => Tag(p, "result") == "unchanged");
    }

    private static List<MetricPoint> Points(IReadOnlyList<Metric> metrics, string name)
    {
        var points = new List<MetricPoint>();
        foreach (var metric in metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                points.Add(point);
            }
        }

        Assert.True(points.Count > 0, $"No points of {name} were exported.");
        return points;
    }

    private static string? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key)
            {
                return tag.Value?.ToString();
            }
        }

        return null;
    }
}
