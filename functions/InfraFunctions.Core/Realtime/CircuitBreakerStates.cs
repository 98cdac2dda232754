using Polly.CircuitBreaker;

namespace InfraFunctions.Core.Realtime;

/// <summary>
/// The state providers of the outbound clients' circuit breakers, by pipeline name, so component health can report
/// them. A provider serves one breaker, so a rebuilt pipeline registers a fresh one.
/// </summary>
public sealed class CircuitBreakerStates
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, CircuitBreakerStateProvider> _providers = new(StringComparer.Ordinal);

    public CircuitBreakerStateProvider Register(string pipeline) => _providers[pipeline] = new CircuitBreakerStateProvider();

    /// <summary>closed, open, half_open or isolated; null when the pipeline was never built (no call yet).</summary>
    public string? State(string pipeline) =>
        _providers.TryGetValue(pipeline, out var provider) ? provider.CircuitState switch
        {
            CircuitState.Closed => "closed",
            CircuitState.Open => "open",
            CircuitState.HalfOpen => "half_open",
            CircuitState.Isolated => "isolated",
            _ => "unknown",
        } : null;
}
