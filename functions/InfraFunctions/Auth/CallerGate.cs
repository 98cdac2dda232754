namespace InfraFunctions.Auth;

/// <summary>
/// Admits a request when any authenticator recognises a caller with the required role, or, on ingest, when the
/// agent key is known and not revoked. The function app's authentication middleware is its only caller.
/// </summary>
public sealed class CallerGate(IEnumerable<IRequestAuthenticator> authenticators, CredentialRepository credentials, EnrollmentTokenRepository enrollmentTokens, TimeProvider time)
{
    private const string IssueEnrollmentToken = "An operator issues one with POST /api/v1/observability/enrollment-tokens.";

    /// <summary>The enrollment token a request carries while it still enrolls hosts, or the 401 saying why it does not.</summary>
    public async Task<(EnrollmentTokenRecord? Token, IActionResult? Refusal)> RequireEnrollmentTokenAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        var secret = BearerTokenAuthenticator.BearerValue(request);
        if (string.IsNullOrEmpty(secret))
        {
            return (null, ApiResults.Unauthorized($"Send the enrollment token as 'Authorization: Bearer ife_...'. {IssueEnrollmentToken}"));
        }

        var token = await enrollmentTokens.FindBySecretAsync(secret, cancellationToken);
        var refusal = token switch
        {
            null => $"The enrollment token is unknown: check that it was copied whole (it starts with 'ife_'), or ask for a new one. {IssueEnrollmentToken}",
            { Revoked: true } => $"The enrollment token '{token.Name}' was revoked at {token.RevokedAt:O}; ask an operator for a new one.",
            _ when time.GetUtcNow() >= token.ExpiresAt => $"The enrollment token '{token.Name}' expired at {token.ExpiresAt:O}; ask an operator for a new one.",
            _ => null,
        };
        return refusal is null ? (token, null) : (null, ApiResults.Unauthorized(refusal));
    }

    /// <summary>The agent an ingest request's key belongs to, or the 401 to answer with (whether the key may report for the batch's host is ingest's to decide).</summary>
    public async Task<(AgentRecord? Agent, IActionResult? Refusal)> RequireAgentAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        var agent = await credentials.FindAgentByKeyAsync(BearerTokenAuthenticator.BearerValue(request), cancellationToken);
        return agent is not null
            ? (agent, null)
            : (null, ApiResults.Unauthorized("Send the agent key as 'Authorization: Bearer <key>'. The key is missing, unknown, revoked, or replaced by a rotation whose grace has ended; an operator issues one with POST /api/v1/observability/agents."));
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
