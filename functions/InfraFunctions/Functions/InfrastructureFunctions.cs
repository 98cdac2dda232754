namespace InfraFunctions.Functions;

// Anonymous at the host: the authentication middleware requires each function's role before it runs.
public sealed class InfrastructureFunctions(InfrastructureHandler infrastructure, CustomSeriesHandler custom)
{
    private const string Prefix = "v1/observability/";

    [Function(nameof(ListHosts))]
    [RequireRole(Roles.Reader)]
    public Task<IActionResult> ListHosts(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Prefix + "hosts")] HttpRequest request, CancellationToken cancellationToken) =>
        infrastructure.HostsAsync(request, cancellationToken);

    [Function(nameof(InfrastructureSystem))]
    [RequireRole(Roles.Reader)]
    public Task<IActionResult> InfrastructureSystem(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Prefix + "infrastructure/system")] HttpRequest request, CancellationToken cancellationToken) =>
        infrastructure.SystemAsync(request, cancellationToken);

    [Function(nameof(InfrastructureProcess))]
    [RequireRole(Roles.Reader)]
    public Task<IActionResult> InfrastructureProcess(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Prefix + "infrastructure/process")] HttpRequest request, CancellationToken cancellationToken) =>
        infrastructure.ProcessAsync(request, cancellationToken);

    [Function(nameof(InfrastructurePlatform))]
    [RequireRole(Roles.Reader)]
    public Task<IActionResult> InfrastructurePlatform(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Prefix + "infrastructure/platform")] HttpRequest request, CancellationToken cancellationToken) =>
        infrastructure.PlatformAsync(request, cancellationToken);

    [Function(nameof(InfrastructureSummary))]
    [RequireRole(Roles.Reader)]
    public Task<IActionResult> InfrastructureSummary(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Prefix + "infrastructure/summary")] HttpRequest request, CancellationToken cancellationToken) =>
        infrastructure.SummaryAsync(request, cancellationToken);

    [Function(nameof(InfrastructureCustom))]
    [RequireRole(Roles.Reader)]
    public Task<IActionResult> InfrastructureCustom(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Prefix + "infrastructure/custom")] HttpRequest request, CancellationToken cancellationToken) =>
        custom.GetAsync(request, cancellationToken);

    [Function(nameof(InfrastructureHealth))]
    [RequireRole(Roles.Reader)]
    public Task<IActionResult> InfrastructureHealth(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Prefix + "infrastructure/health")] HttpRequest request, CancellationToken cancellationToken) =>
        infrastructure.HealthAsync(request, cancellationToken);

    [Function(nameof(InfrastructureReport))]
    [RequireRole(Roles.Reader)]
    public Task<IActionResult> InfrastructureReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Prefix + "infrastructure/report")] HttpRequest request, CancellationToken cancellationToken) =>
        infrastructure.ReportAsync(request, cancellationToken);
}
