namespace InfraFunctions.Core.Ingest;

/// <summary>A sample that passed validation and was stored, with its threshold check, health score and posted JSON.</summary>
public sealed record AcceptedSample(Sample Sample, ThresholdCheck Check, double HealthScore, string? Json = null);
