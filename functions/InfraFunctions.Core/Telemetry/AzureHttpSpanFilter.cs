using System.Diagnostics;
using OpenTelemetry;

namespace InfraFunctions.Core.Telemetry;

/// <summary>
/// Leaves out the Azure SDK's HTTP span under each of its client calls (<c>TableClient.SubmitTransaction</c> over
/// <c>POST /$batch</c>) when it succeeded: the call's own span says what was done and how long it took, and the pair
/// would double the dependency items of every ingest. A failed attempt is kept, with its status code.
/// </summary>
public sealed class AzureHttpSpanFilter : BaseProcessor<Activity>
{
    public const string AzureHttpSource = "Azure.Core.Http";

    public override void OnEnd(Activity data)
    {
        if (data.Source.Name == AzureHttpSource
            && data.Parent?.Source.Name.StartsWith("Azure.", StringComparison.Ordinal) == true
            && !FailureKeepingProcessor.Failed(data))
        {
            data.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
        }
    }
}
