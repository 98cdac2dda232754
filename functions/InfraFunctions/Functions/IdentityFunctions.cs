namespace InfraFunctions.Functions;

public sealed class IdentityFunctions(IdentityHandler identity)
{
    // install.sh asks which host ids a key is bound to, so the one-line command needs only the endpoint and the key.
    [Function(nameof(IngestIdentity))]
    [RequireAgentKey]
    public IActionResult IngestIdentity(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/ingest/identity")] HttpRequest request) =>
        identity.Agent(request);

    // The dashboard shows operator-only controls to operators only.
    [Function(nameof(CallerIdentity))]
    [RequireRole(Roles.Reader)]
    public IActionResult CallerIdentity(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/observability/me")] HttpRequest request) =>
        identity.Caller(request);
}
