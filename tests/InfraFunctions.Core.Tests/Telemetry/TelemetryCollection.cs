namespace InfraFunctions.Core.Tests.Telemetry;

/// <summary>
/// Telemetry tests run alone: every tracer provider in the process sees the same static sources, and an activity is
/// sampled when any listener samples it, so a concurrent provider with another sampler would change the outcome.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}
