namespace InfraFunctions.Functions;

// Anonymous at the host: the authentication middleware requires each function's role before it runs.
public sealed class AgentSettingsFunctions(AgentSettingsHandler settings)
{
    private const string Route = "v1/observability/agent-settings";

    [Function(nameof(GetAgentSettings))]
    [RequireRole(Roles.Reader)]
    public Task<IActionResult> GetAgentSettings(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest request, CancellationToken cancellationToken) =>
        settings.GetAsync(request, cancellationToken);

    [Function(nameof(SetAgentSettings))]
    [RequireRole(Roles.Operator)]
    public Task<IActionResult> SetAgentSettings(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Route)] HttpRequest request, CancellationToken cancellationToken) =>
        settings.SetAsync(request, cancellationToken);

    [Function(nameof(DeleteAgentSettings))]
    [RequireRole(Roles.Operator)]
    public Task<IActionResult> DeleteAgentSettings(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Route)] HttpRequest request, CancellationToken cancellationToken) =>
        settings.DeleteAsync(request, cancellationToken);
}
