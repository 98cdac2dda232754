namespace InfraFunctions.Functions;

// Admin level: in Azure only the master key passes; LocalHost enforces its own master key the same way.
public sealed class AdminFunctions(AdminHandler admin)
{
    [Function(nameof(CreateAgent))]
    public Task<IActionResult> CreateAgent(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "v1/admin/agents")] HttpRequest request, CancellationToken cancellationToken) =>
        admin.CreateAgentAsync(request, cancellationToken);

    [Function(nameof(ListAgents))]
    public Task<IActionResult> ListAgents(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = "v1/admin/agents")] HttpRequest request, CancellationToken cancellationToken) =>
        admin.ListAgentsAsync(cancellationToken);

    [Function(nameof(RevokeAgent))]
    public Task<IActionResult> RevokeAgent(
        [HttpTrigger(AuthorizationLevel.Admin, "delete", Route = "v1/admin/agents/{agentId}")] HttpRequest request, string agentId, CancellationToken cancellationToken) =>
        admin.RevokeAgentAsync(agentId, cancellationToken);

    [Function(nameof(CreateToken))]
    public Task<IActionResult> CreateToken(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "v1/admin/tokens")] HttpRequest request, CancellationToken cancellationToken) =>
        admin.CreateTokenAsync(request, cancellationToken);

    [Function(nameof(ListTokens))]
    public Task<IActionResult> ListTokens(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = "v1/admin/tokens")] HttpRequest request, CancellationToken cancellationToken) =>
        admin.ListTokensAsync(cancellationToken);

    [Function(nameof(RevokeToken))]
    public Task<IActionResult> RevokeToken(
        [HttpTrigger(AuthorizationLevel.Admin, "delete", Route = "v1/admin/tokens/{tokenId}")] HttpRequest request, string tokenId, CancellationToken cancellationToken) =>
        admin.RevokeTokenAsync(tokenId, cancellationToken);
}
