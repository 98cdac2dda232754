namespace InfraFunctions.Functions;

public sealed class EnrollmentFunctions(EnrollmentTokensHandler tokens, EnrollHandler enroll)
{
    [Function(nameof(CreateEnrollmentToken))]
    [RequireRole(Roles.Operator)]
    public Task<IActionResult> CreateEnrollmentToken(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/observability/enrollment-tokens")] HttpRequest request, CancellationToken cancellationToken) =>
        tokens.CreateAsync(request, cancellationToken);

    [Function(nameof(ListEnrollmentTokens))]
    [RequireRole(Roles.Operator)]
    public Task<IActionResult> ListEnrollmentTokens(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/observability/enrollment-tokens")] HttpRequest request, CancellationToken cancellationToken) =>
        tokens.ListAsync(cancellationToken);

    [Function(nameof(RevokeEnrollmentToken))]
    [RequireRole(Roles.Operator)]
    public Task<IActionResult> RevokeEnrollmentToken(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "v1/observability/enrollment-tokens/{tokenId}")] HttpRequest request, string tokenId, CancellationToken cancellationToken) =>
        tokens.RevokeAsync(tokenId, cancellationToken);

    // Anonymous at the host: the authentication middleware checks the enrollment token before the body is read.
    [Function(nameof(Enroll))]
    [RequireEnrollmentToken]
    public Task<IActionResult> Enroll(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/enroll")] HttpRequest request, CancellationToken cancellationToken) =>
        enroll.EnrollAsync(request, cancellationToken);
}
