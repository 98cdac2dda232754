using System.Diagnostics;
using InfraFunctions.Core.Telemetry;

namespace InfraFunctions.Core.Tests.Telemetry;

// A timer's run over the fleet is one trace; its per-host spans are kept at the ingest ratio, so the run's telemetry
// does not grow by every host's Table calls, and a host whose step fails is kept whatever the ratio.
[Collection(TelemetryCollection.Name)]
public sealed class PerHostSamplingTests
{
    [Fact]
    public void ARollupOfTwoHundredHostsExportsItsRunAndAboutTheRatiosShareOfItsPerHostSpans()
    {
        using var capture = new TelemetryCapture(ingestSamplingRatio: 0.1);
        ActivityTraceId traceId;
        using (var invocation = TelemetryCapture.StartInvocation("AggregateHourly"))
        {
            traceId = invocation.TraceId;
            for (var host = 0; host < 200; host++)
            {
                using var span = InfraTelemetry.Start(InfraTelemetry.RollupHost);
                using var child = InfraTelemetry.Start(InfraTelemetry.RetentionDropTable);
            }
        }

        var spans = capture.Exported(traceId);
        Assert.Single(spans, s => s.Source.Name == IngestSampler.WorkerSourceName);
        var kept = spans.Count(s => s.OperationName == InfraTelemetry.RollupHost);
        Assert.InRange(kept, 5, 45); // binomial(200, 0.1): mean 20, more than 3.5 standard deviations either side
        Assert.Equal(kept, spans.Count(s => s.OperationName == InfraTelemetry.RetentionDropTable)); // children follow their host
    }

    [Fact]
    public void WithRatioZeroAFailedPerHostStepIsStillExported()
    {
        using var capture = new TelemetryCapture(ingestSamplingRatio: 0);
        ActivityTraceId traceId;
        using (var invocation = TelemetryCapture.StartInvocation("ForecastDisks"))
        {
            traceId = invocation.TraceId;
            for (var host = 0; host < 20; host++)
            {
                using var span = InfraTelemetry.Start(InfraTelemetry.ForecastHost);
                if (host == 7)
                {
                    span.Fail(new InvalidOperationException("the host's hourly rows could not be read"));
                }
            }
        }

        var perHost = capture.Exported(traceId).Where(s => s.OperationName == InfraTelemetry.ForecastHost).ToArray();
        var failed = Assert.Single(perHost);
        Assert.Equal(ActivityStatusCode.Error, failed.Status);
    }
}
