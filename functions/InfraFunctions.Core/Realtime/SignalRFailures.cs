using Polly.CircuitBreaker;
using Polly.Timeout;

namespace InfraFunctions.Core.Realtime;

/// <summary>Tells a failure of SignalR Service, or of the way to it, from a bug or the caller going away.</summary>
public static class SignalRFailures
{
    /// <summary>A failure of the service or the way to it, as opposed to a bug or the caller going away.</summary>
    public static bool IsServiceFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is HttpRequestException or SignalRServiceException or BrokenCircuitException or TimeoutRejectedException or Azure.Identity.AuthenticationFailedException
        || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);
}
