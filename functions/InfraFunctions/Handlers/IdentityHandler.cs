namespace InfraFunctions.Handlers;

/// <summary>Who the caller's credential says it is: an agent's id and hosts, or a token's role and name.</summary>
public sealed class IdentityHandler
{
    public IActionResult Agent(HttpRequest request)
    {
        var agent = AuthenticatedCaller.AgentOf(request);
        return ApiResults.Ok(new AgentIdentityResponse(agent.AgentId, agent.HostIds), ApiJsonContext.Default.AgentIdentityResponse);
    }

    public IActionResult Caller(HttpRequest request)
    {
        var caller = AuthenticatedCaller.Of(request);
        return ApiResults.Ok(new CallerIdentityResponse(caller.Role, caller.Name, caller.Subject), ApiJsonContext.Default.CallerIdentityResponse);
    }
}
