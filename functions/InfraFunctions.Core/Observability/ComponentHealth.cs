namespace InfraFunctions.Core.Observability;

/// <summary>healthy, degraded, unhealthy, or not_configured (left out of the overall status).</summary>
public sealed record ComponentHealth(string Name, string Status, double LatencyMs, string? LastError, string? Detail);
