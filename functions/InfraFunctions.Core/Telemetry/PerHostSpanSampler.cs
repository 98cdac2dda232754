using System.Diagnostics;
using OpenTelemetry;

namespace InfraFunctions.Core.Telemetry;

/// <summary>
/// Keeps a timer's per-host spans (<see cref="InfraTelemetry.PerHostSpans"/>) at the ingest ratio. A run over the
/// fleet is one trace, so its trace id cannot choose among hosts, and a child of a recorded span starts recorded
/// whatever the sampler says: the choice is made here, as each per-host span starts, before its own children (the
/// host's Table calls) inherit it. A span left out is still recorded, so <see cref="FailureKeepingProcessor"/> keeps
/// it if it fails.
/// </summary>
public sealed class PerHostSpanSampler(double ratio) : BaseProcessor<Activity>
{
    public override void OnStart(Activity data)
    {
        if (data.Recorded && InfraTelemetry.PerHostSpans.Contains(data.OperationName) && Random.Shared.NextDouble() >= ratio)
        {
            data.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
        }
    }
}
