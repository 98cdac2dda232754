namespace InfraFunctions.Functions;

// Operators manage agent keys with their own token; the master-key routes under v1/admin stay for scripts and bootstrap.
public sealed class AgentKeyFunctions(AgentKeysHandler agents)
{
    [Function(nameof(IssueAgentKey))]
    [RequireRole(Roles.Operator)]
    public Task<IActionResult> IssueAgentKey(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/observability/agents")] HttpRequest request, CancellationToken cancellationToken) =>
        agents.IssueAsync(request, cancellationToken);

    [Function(nameof(ListAgentKeys))]
    [RequireRole(Roles.Operator)]
    public Task<IActionResult> ListAgentKeys(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/observability/agents")] HttpRequest request, CancellationToken cancellationToken) =>
        agents.ListAsync(cancellationToken);

    [Function(nameof(RevokeAgentKey))]
    [RequireRole(Roles.Operator)]
    public Task<IActionResult> RevokeAgentKey(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "v1/observability/agents/{agentId}")] HttpRequest request, string agentId, CancellationToken cancellationToken) =>
        agents.RevokeAsync(agentId, cancellationToken);

    [Function(nameof(RotateAgentKey))]
    [RequireRole(Roles.Operator)]
    public Task<IActionResult> RotateAgentKey(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/observability/agents/{agentId}/rotate")] HttpRequest request, string agentId, CancellationToken cancellationToken) =>
        agents.RotateAsync(request, agentId, cancellationToken);
}
