namespace InfraFunctions.Auth;

/// <summary>
/// Admits a request when any authenticator recognises a caller with the required role, or, on ingest, when the
/// agent key is known and not revoked. The function app's authentication middleware is its only caller.
/// </summary>
public sealed class CallerGate(IEnumerable<IRequestAuthenticator> authenticators, CredentialRepository credentials)
{
    /// <summary>The agent an ingest request's key belongs to, or the 401 to answer with (whether the key may report for the batch's host is ingest's to decide).</summary>
    public async Task<(AgentRecord? Agent, IActionResult? Refusal)> RequireAgentAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        var agent = await credentials.FindAgentByKeyAsync(BearerTokenAuthenticator.BearerValue(request), cancellationToken);
        return agent is not null
            ? (agent, null)
            : (null, ApiResults.Unauthorized("Send the agent key as 'Authorization: Bearer <key>'. The key is missing, unknown or revoked; issue one with POST /api/v1/admin/agents."));
    }

    public async Task<(Caller? Caller, IActionResult? Refusal)> RequireAsync(HttpRequest request, string role, CancellationToken cancellationToken = default)
    {
        foreach (var authenticator in authenticators)
        {
            if (await authenticator.AuthenticateAsync(request, cancellationToken) is not { } caller)
            {
                continue;
            }

            return Roles.Satisfies(caller.Role, role)
                ? (caller, null)
                : (null, ApiResults.Forbidden($"This needs the '{role}' role; the token '{caller.Name}' has '{caller.Role}'."));
        }

        var detail = request.Headers.Authorization.Count == 0
            ? "Send an access token as 'Authorization: Bearer <token>'. An admin issues tokens with POST /api/v1/admin/tokens."
            : "The access token is unknown or revoked. Ask an admin for a new one (POST /api/v1/admin/tokens).";
        return (null, ApiResults.Unauthorized(detail));
    }
}
