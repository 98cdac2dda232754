namespace InfraFunctions.Handlers;

/// <summary>
/// Issues and revokes agent keys and access tokens. The routes are admin-level functions: the Functions host
/// (or LocalHost) admits only the master key. Secrets are returned once and stored as hashes.
/// </summary>
public sealed class AdminHandler(CredentialRepository credentials, IEnumerable<ITokenRevocationSubscriber> revocationSubscribers)
{
    public async Task<IActionResult> CreateAgentAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        var (body, error) = await RequestBody.ReadJsonAsync(request, ApiJsonContext.Default.CreateAgentRequest, cancellationToken: cancellationToken);
        if (body is null)
        {
            return error!;
        }

        var hostIds = body.HostIds ?? [];
        if (AgentRequestRules.Check(hostIds, body.Name) is { Count: > 0 } errors)
        {
            return ApiResults.BadRequest("The agent request is not valid; see 'errors'.", errors);
        }

        var distinct = hostIds.Distinct(StringComparer.Ordinal).ToArray();
        var name = string.IsNullOrWhiteSpace(body.Name) ? AgentRequestRules.DefaultName(distinct) : body.Name.Trim();
        var (agent, key) = await credentials.CreateAgentAsync(name, distinct, cancellationToken);
        return new JsonApiResult<CreateAgentResponse>(new CreateAgentResponse(agent.AgentId, key, agent.Name, agent.HostIds), ApiJsonContext.Default.CreateAgentResponse, StatusCodes.Status201Created);
    }

    public async Task<IActionResult> ListAgentsAsync(CancellationToken cancellationToken = default) =>
        ApiResults.Ok(new AgentsResponse(await credentials.ListAgentsAsync(cancellationToken)), ApiJsonContext.Default.AgentsResponse);

    public async Task<IActionResult> RevokeAgentAsync(string agentId, CancellationToken cancellationToken = default) =>
        await credentials.RevokeAgentAsync(agentId, cancellationToken)
            ? ApiResults.Ok(new RevokedResponse(agentId, true), ApiJsonContext.Default.RevokedResponse)
            : ApiResults.NotFound($"No agent with id '{agentId}'. GET /api/v1/admin/agents lists them.");

    public async Task<IActionResult> CreateTokenAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        var (body, error) = await RequestBody.ReadJsonAsync(request, ApiJsonContext.Default.CreateTokenRequest, cancellationToken: cancellationToken);
        if (body is null)
        {
            return error!;
        }

        var errors = new Dictionary<string, string[]>();
        if (!Roles.IsKnown(body.Role))
        {
            errors["role"] = [$"Use '{Roles.Reader}' (read and watch) or '{Roles.Operator}' (also acknowledge alerts, change thresholds and run maintenance)."];
        }

        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Length > 128)
        {
            errors["name"] = ["Give the token a name of 1-128 characters, saying who or what uses it."];
        }

        if (errors.Count > 0)
        {
            return ApiResults.BadRequest("The token request is not valid; see 'errors'.", errors);
        }

        var (token, secret) = await credentials.CreateTokenAsync(body.Name!.Trim(), body.Role!, cancellationToken);
        return new JsonApiResult<CreateTokenResponse>(new CreateTokenResponse(token.TokenId, secret, token.Role, token.Name), ApiJsonContext.Default.CreateTokenResponse, StatusCodes.Status201Created);
    }

    public async Task<IActionResult> ListTokensAsync(CancellationToken cancellationToken = default) =>
        ApiResults.Ok(new TokensResponse(await credentials.ListTokensAsync(cancellationToken)), ApiJsonContext.Default.TokensResponse);

    /// <summary>Revokes the token, then ends what it still holds open (live connections) before answering.</summary>
    public async Task<IActionResult> RevokeTokenAsync(string tokenId, CancellationToken cancellationToken = default)
    {
        if (!await credentials.RevokeTokenAsync(tokenId, cancellationToken))
        {
            return ApiResults.NotFound($"No token with id '{tokenId}'. GET /api/v1/admin/tokens lists them.");
        }

        foreach (var subscriber in revocationSubscribers)
        {
            await subscriber.OnRevokedAsync(tokenId, cancellationToken);
        }

        return ApiResults.Ok(new RevokedResponse(tokenId, true), ApiJsonContext.Default.RevokedResponse);
    }
}
