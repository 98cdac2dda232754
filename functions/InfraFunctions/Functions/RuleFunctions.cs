namespace InfraFunctions.Functions;

// Anonymous at the host: the authentication middleware requires each function's role before it runs. The literal
// routes rules/metrics and rules/preview win over rules/{id} in the host's routing.
public sealed class RuleFunctions(RulesHandler rules, RuleMetricsHandler metrics)
{
    private const string Route = "v1/observability/rules";

    [Function(nameof(ListRules))]
    [RequireRole(Roles.Reader)]
    public Task<IActionResult> ListRules(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest request, CancellationToken cancellationToken) =>
        rules.ListAsync(cancellationToken);

    [Function(nameof(CreateRule))]
    [RequireRole(Roles.Operator)]
    public Task<IActionResult> CreateRule(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route)] HttpRequest request, CancellationToken cancellationToken) =>
        rules.CreateAsync(request, cancellationToken);

    [Function(nameof(GetRule))]
    [RequireRole(Roles.Reader)]
    public Task<IActionResult> GetRule(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route + "/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        rules.GetAsync(id, cancellationToken);

    [Function(nameof(ReplaceRule))]
    [RequireRole(Roles.Operator)]
    public Task<IActionResult> ReplaceRule(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Route + "/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        rules.ReplaceAsync(request, id, cancellationToken);

    [Function(nameof(DeleteRule))]
    [RequireRole(Roles.Operator)]
    public Task<IActionResult> DeleteRule(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Route + "/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        rules.DeleteAsync(id, cancellationToken);

    [Function(nameof(RuleMetrics))]
    [RequireRole(Roles.Reader)]
    public Task<IActionResult> RuleMetrics(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route + "/metrics")] HttpRequest request, CancellationToken cancellationToken) =>
        metrics.MetricsAsync(cancellationToken);

    [Function(nameof(PreviewRule))]
    [RequireRole(Roles.Reader)]
    public Task<IActionResult> PreviewRule(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route + "/preview")] HttpRequest request, CancellationToken cancellationToken) =>
        metrics.PreviewAsync(request, cancellationToken);
}
