using InfraFunctions.Core.Realtime;

namespace InfraFunctions.Functions;

// Anonymous at the host: the authentication middleware requires each function's role before it runs.
public sealed class RealtimeFunctions(NegotiateHandler negotiate, StreamHandler streams)
{
    // The stock SignalR clients, pointed at {base}/api, POST {base}/api/negotiate and follow the redirect it returns.
    [Function(nameof(Negotiate))]
    [RequireRole(Roles.Reader)]
    public Task<IActionResult> Negotiate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "negotiate")] HttpRequest request, CancellationToken cancellationToken) =>
        negotiate.HandleAsync(request, cancellationToken);

    [Function(nameof(StartMetricsStream))]
    [RequireRole(Roles.Reader)]
    public Task<IActionResult> StartMetricsStream(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/observability/start-metrics-stream")] HttpRequest request, CancellationToken cancellationToken) =>
        streams.StartAsync(request, cancellationToken);

    [Function(nameof(StopMetricsStream))]
    [RequireRole(Roles.Reader)]
    public Task<IActionResult> StopMetricsStream(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/observability/stop-metrics-stream")] HttpRequest request, CancellationToken cancellationToken) =>
        streams.StopAsync(request, cancellationToken);
}
