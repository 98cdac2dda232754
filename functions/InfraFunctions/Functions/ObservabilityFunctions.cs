namespace InfraFunctions.Functions;

// Anonymous at the host: the authentication middleware requires each function's role before it runs.
public sealed class ObservabilityFunctions(
    AnomaliesHandler anomalies, TracesHandler traces, MetricsHandler metrics, ComponentsHandler components, PrometheusHandler prometheus)
{
    [Function(nameof(Anomalies))]
    [RequireRole(Roles.Reader)]
    public Task<IActionResult> Anomalies(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/observability/anomalies")] HttpRequest request, CancellationToken cancellationToken) =>
        anomalies.GetAsync(request, cancellationToken);

    [Function(nameof(Traces))]
    [RequireRole(Roles.Reader)]
    public Task<IActionResult> Traces(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/observability/traces")] HttpRequest request, CancellationToken cancellationToken) =>
        traces.GetAsync(request, cancellationToken);

    [Function(nameof(Metrics))]
    [RequireRole(Roles.Reader)]
    public Task<IActionResult> Metrics(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/observability/metrics")] HttpRequest request, CancellationToken cancellationToken) =>
        metrics.GetAsync(request, cancellationToken);

    [Function(nameof(ComponentHealth))]
    [RequireRole(Roles.Reader, AdmitWhenStorageIsDown = true)]
    public Task<IActionResult> ComponentHealth(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/observability/health/components")] HttpRequest request, CancellationToken cancellationToken) =>
        components.GetAsync(request, cancellationToken);

    [Function(nameof(PrometheusMetrics))]
    [RequireRole(Roles.Reader)]
    public Task<IActionResult> PrometheusMetrics(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/observability/metrics/prometheus")] HttpRequest request, CancellationToken cancellationToken) =>
        prometheus.GetAsync(request, cancellationToken);
}
