using System.Globalization;
using InfraFunctions.Core.Tags;
using InfraFunctions.Core.Validation;

namespace InfraFunctions.Handlers;

/// <summary>
/// A host enrolling itself with an enrollment token (checked by the authentication middleware): it gets its own
/// agent key, bound to its host id, with the token's tags. The keys held before by that host id alone are revoked,
/// so a rebuilt host that enrolls again replaces its key rather than adding one.
/// </summary>
public sealed class EnrollHandler(EnrollmentTokenRepository tokens, CredentialRepository credentials, HostTagRepository tags, HostTagCache tagCache, ILogger<EnrollHandler> logger)
{
    public async Task<IActionResult> EnrollAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        var token = AuthenticatedCaller.EnrollmentTokenOf(request);
        var (body, error) = await RequestBody.ReadJsonAsync(request, ApiJsonContext.Default.EnrollRequest, "Send {\"host_id\": \"web-1\"}.", cancellationToken);
        if (body is null)
        {
            return error!;
        }

        if (HostIdRules.Validate(body.HostId) is { } problem)
        {
            return ApiResults.BadRequest("The enrollment request is not valid; see 'errors'.", new Dictionary<string, string[]> { ["host_id"] = [problem] });
        }

        var hostId = body.HostId!;
        if (token.HostPattern is { } pattern && !EnrollmentRules.Matches(pattern, hostId))
        {
            return ApiResults.Forbidden($"The host id '{hostId}' does not match this token's host_pattern '{pattern}' (case-sensitive, whole id). "
                + "Set the agent's host_id to an id the pattern covers, or ask an operator for a token whose pattern covers this host.");
        }

        var admission = await tokens.AdmitAsync(token.TokenId, hostId, cancellationToken);
        switch (admission.Verdict)
        {
            case EnrollmentVerdict.RateLimited:
                var seconds = Math.Max(1, (int)Math.Ceiling(admission.RetryAfter.TotalSeconds));
                var limited = ApiResults.Problem(StatusCodes.Status429TooManyRequests, "Too many enrollments",
                    $"The enrollment token '{token.Name}' enrolls at most {EnrollmentRules.RatePerWindow} hosts a minute; try again in {seconds} s (Retry-After).");
                limited.Headers["Retry-After"] = seconds.ToString(CultureInfo.InvariantCulture);
                return limited;
            case EnrollmentVerdict.UsedUp:
                return ApiResults.Forbidden($"The enrollment token '{token.Name}' has enrolled its {token.MaxHosts} hosts (max_hosts) and cannot enroll '{hostId}'. "
                    + "Ask an operator for another token; hosts this token already enrolled may still enroll again.");
            case EnrollmentVerdict.Ended:
                return ApiResults.Unauthorized($"The enrollment token '{token.Name}' was revoked or expired just now; ask an operator for a new one.");
        }

        var (agent, key) = await credentials.CreateAgentAsync(hostId, [hostId], AgentIssuers.Enrollment, token.TokenId, cancellationToken);
        if (token.Tags.Count > 0)
        {
            await tags.SetAsync(hostId, TagSource.Enrollment, token.Tags, cancellationToken);
            tagCache.Forget(hostId);
        }

        var replaced = await credentials.RevokeAgentsBoundOnlyToAsync(hostId, agent.AgentId, cancellationToken);
        logger.LogInformation("Host {HostId} enrolled with token {TokenId} as agent {AgentId}; {Replaced} earlier keys of the host revoked", hostId, token.TokenId, agent.AgentId, replaced.Count);
        return new JsonApiResult<EnrollResponse>(new EnrollResponse(agent.AgentId, key, hostId), ApiJsonContext.Default.EnrollResponse, StatusCodes.Status201Created);
    }
}
