namespace InfraFunctions.Functions;

// Anonymous at the host: the authentication middleware requires each function's role before it runs.
public sealed class ThresholdFunctions(ThresholdsHandler thresholds)
{
    private const string Route = "v1/observability/thresholds";

    [Function(nameof(GetThresholds))]
    [RequireRole(Roles.Reader)]
    public Task<IActionResult> GetThresholds(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest request, CancellationToken cancellationToken) =>
        thresholds.GetAsync(request, cancellationToken);

    [Function(nameof(SetThresholds))]
    [RequireRole(Roles.Operator)]
    public Task<IActionResult> SetThresholds(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Route)] HttpRequest request, CancellationToken cancellationToken) =>
        thresholds.SetAsync(request, cancellationToken);

    [Function(nameof(ResetThresholds))]
    [RequireRole(Roles.Operator)]
    public Task<IActionResult> ResetThresholds(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Route)] HttpRequest request, CancellationToken cancellationToken) =>
        thresholds.ResetAsync(request, cancellationToken);
}
