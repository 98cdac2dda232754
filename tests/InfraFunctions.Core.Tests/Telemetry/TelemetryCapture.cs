using System.Diagnostics;
using InfraFunctions.Core.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace InfraFunctions.Core.Tests.Telemetry;

/// <summary>
/// The app's tracing set up as the function app sets it (the InfraFunctions source, Azure SDK sources, the sampler,
/// the failure-keeping processor before the exporter), exporting to memory; and its meter. Invocations are started
/// on the Functions worker's source with the tags the worker gives them.
/// </summary>
public sealed class TelemetryCapture : IDisposable
{
    private static readonly ActivitySource Worker = new(IngestSampler.WorkerSourceName);

    private readonly List<Activity> _spans = [];
    private readonly List<Metric> _metrics = [];
    private readonly TracerProvider _tracer;
    private readonly MeterProvider _meter;

    public TelemetryCapture(double ingestSamplingRatio)
    {
        _tracer = Sdk.CreateTracerProviderBuilder()
            .AddSource(IngestSampler.WorkerSourceName, InfraTelemetry.Name, "Azure.*")
            .SetSampler(new IngestSampler(ingestSamplingRatio, new HashSet<string>(StringComparer.Ordinal) { "IngestSamples" }))
            .AddProcessor(new PerHostSpanSampler(ingestSamplingRatio))
            .AddProcessor(new FailureKeepingProcessor(TimeProvider.System))
            .AddProcessor(new AzureHttpSpanFilter())
            .AddInMemoryExporter(_spans)
            .Build();
        _meter = Sdk.CreateMeterProviderBuilder().AddMeter(InfraTelemetry.Name).AddInMemoryExporter(_metrics).Build();
    }

    /// <summary>
    /// An invocation span of <paramref name="function"/>, as the worker starts it in OpenTelemetry schema 1.17
    /// (<c>Invoke</c>, the name in a tag) or 1.37 (<c>function {name}</c>, the tags added after the start): under
    /// the host's sampled span, which the worker parses from the invocation's trace context as a local parent.
    /// </summary>
    public static Activity StartInvocation(string function, bool schema137 = false)
    {
        var host = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        return schema137
            ? Worker.StartActivity($"function {function}", ActivityKind.Internal, host)!
            : Worker.StartActivity("Invoke", ActivityKind.Server, host, [new("AzureFunctions_FunctionName", function)])!;
    }

    /// <summary>The exported spans of one trace.</summary>
    public IReadOnlyList<Activity> Exported(ActivityTraceId traceId)
    {
        lock (_spans)
        {
            return _spans.Where(s => s.TraceId == traceId).ToArray();
        }
    }

    /// <summary>Collects the meter now and returns its metrics.</summary>
    public IReadOnlyList<Metric> CollectMetrics()
    {
        _meter.ForceFlush();
        return [.. _metrics];
    }

    public void Dispose()
    {
        _tracer.Dispose();
        _meter.Dispose();
    }
}
