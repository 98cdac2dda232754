namespace InfraFunctions.Handlers;

/// <summary>
/// Enrollment tokens as operators issue, list and revoke them: one shared secret a fleet's hosts use to get their
/// own agent keys (<see cref="EnrollHandler"/>). The secret is returned once; the row keeps only its hash.
/// </summary>
public sealed class EnrollmentTokensHandler(EnrollmentTokenRepository tokens, InstallCommand install, TimeProvider time)
{
    public async Task<IActionResult> CreateAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        var (body, error) = await RequestBody.ReadJsonAsync(request, ApiJsonContext.Default.CreateEnrollmentTokenRequest,
            "Send {\"name\": \"web fleet\", \"expires_at\": \"2026-12-31T00:00:00Z\", \"max_hosts\": 50, \"tags\": {\"env\": \"prod\"}, \"host_pattern\": \"web-*\"}.", cancellationToken);
        if (body is null)
        {
            return error!;
        }

        var now = time.GetUtcNow();
        var errors = EnrollmentRules.Check(body.Name, body.ExpiresAt, body.MaxHosts, body.Tags, body.HostPattern, now, out var expiresAt);
        if (errors.Count > 0)
        {
            return ApiResults.BadRequest("The enrollment token request is not valid; see 'errors'.", errors);
        }

        var caller = AuthenticatedCaller.Of(request);
        var (token, secret) = await tokens.CreateAsync(body.Name!.Trim(), expiresAt, (int?)body.MaxHosts, body.Tags ?? new Dictionary<string, string>(), body.HostPattern, caller.Subject, cancellationToken);
        var view = View(token, now) with { Token = secret, InstallCommand = install.WithEnrollmentToken(request, secret) };
        return new JsonApiResult<EnrollmentTokenView>(view, ApiJsonContext.Default.EnrollmentTokenView, StatusCodes.Status201Created);
    }

    public async Task<IActionResult> ListAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var all = (await tokens.ListAsync(cancellationToken)).OrderByDescending(t => t.Created).Select(t => View(t, now)).ToArray();
        return ApiResults.Ok(new EnrollmentTokensResponse(all), ApiJsonContext.Default.EnrollmentTokensResponse);
    }

    public async Task<IActionResult> RevokeAsync(string tokenId, CancellationToken cancellationToken = default) =>
        await tokens.RevokeAsync(tokenId, cancellationToken)
            ? ApiResults.Ok(new RevokedResponse(tokenId, true), ApiJsonContext.Default.RevokedResponse)
            : ApiResults.NotFound($"No enrollment token with id '{tokenId}'. GET /api/v1/observability/enrollment-tokens lists them.");

    private static EnrollmentTokenView View(EnrollmentTokenRecord t, DateTimeOffset now) => new(
        t.TokenId, t.Name, t.Created, t.ExpiresAt, now >= t.ExpiresAt, t.MaxHosts, t.HostsEnrolled, t.Tags, t.HostPattern, t.Revoked, t.RevokedAt, t.IssuerId);
}
