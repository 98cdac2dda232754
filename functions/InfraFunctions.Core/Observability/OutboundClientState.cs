namespace InfraFunctions.Core.Observability;

/// <summary>An outbound client's circuit breaker: closed, open, half_open, isolated, or none when it has no breaker.</summary>
public sealed record OutboundClientState(string Name, string Circuit, long ConsecutiveFailures, string? LastError);
