using System.Diagnostics;
using OpenTelemetry.Trace;

namespace InfraFunctions.Core.Telemetry;

/// <summary>
/// Keeps a share of the traces of the sampled functions (ingest, which runs every few seconds per host) and every
/// other function's. A trace is decided once, at its root: the worker's invocation span, or a span with no parent
/// (background work such as live updates, caused by ingest and sampled like it). Other spans follow their parent. A trace that is not kept is still recorded, so <see cref="FailureKeepingProcessor"/> can keep it if it fails.
/// </summary>
public sealed class IngestSampler : Sampler
{
    /// <summary>The Functions worker's activity source. Its invocation span names the function in a tag at start
    /// (OpenTelemetry schema 1.17, span <c>Invoke</c>) or in the span's name, <c>function {name}</c> (schema 1.37).</summary>
    public const string WorkerSourceName = "Microsoft.Azure.Functions.Worker";

    private const string InvocationSpanPrefix = "function ";

    private static readonly string[] FunctionNameTags = ["AzureFunctions_FunctionName", "faas.name"];

    private readonly TraceIdRatioBasedSampler _ratio;
    private readonly IReadOnlySet<string> _sampledFunctions;

    public IngestSampler(double ratio, IReadOnlySet<string> sampledFunctions)
    {
        _ratio = new TraceIdRatioBasedSampler(ratio);
        _sampledFunctions = sampledFunctions;
        Description = $"IngestSampler{{{ratio.ToString(CultureInfo.InvariantCulture)}}}";
    }

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters)
    {
        // The invocation decides whatever its parent, the host's span, says: the worker parses the host's trace
        // context as a local parent, and the host samples by its own rules.
        if (FunctionName(samplingParameters) is { } function)
        {
            return _sampledFunctions.Contains(function) ? ByRatio(samplingParameters) : new SamplingResult(SamplingDecision.RecordAndSample);
        }

        var parent = samplingParameters.ParentContext;
        if (parent.TraceId != default)
        {
            return new SamplingResult(parent.TraceFlags.HasFlag(ActivityTraceFlags.Recorded) ? SamplingDecision.RecordAndSample : SamplingDecision.RecordOnly);
        }

        return ByRatio(samplingParameters);
    }

    private SamplingResult ByRatio(in SamplingParameters samplingParameters) =>
        new(_ratio.ShouldSample(samplingParameters).Decision == SamplingDecision.RecordAndSample
            ? SamplingDecision.RecordAndSample
            : SamplingDecision.RecordOnly);

    private static string? FunctionName(in SamplingParameters parameters)
    {
        foreach (var tag in parameters.Tags ?? [])
        {
            if (Array.IndexOf(FunctionNameTags, tag.Key) >= 0 && tag.Value is string name)
            {
                return name;
            }
        }

        var span = parameters.Name;
        return span.StartsWith(InvocationSpanPrefix, StringComparison.Ordinal) ? span[InvocationSpanPrefix.Length..] : null;
    }
}
