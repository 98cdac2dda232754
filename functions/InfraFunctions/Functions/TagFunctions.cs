namespace InfraFunctions.Functions;

// Anonymous at the host: the authentication middleware requires each function's role before it runs.
public sealed class TagFunctions(TagsHandler tags)
{
    private const string Route = "v1/observability/tags";

    [Function(nameof(GetTags))]
    [RequireRole(Roles.Reader)]
    public Task<IActionResult> GetTags(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest request, CancellationToken cancellationToken) =>
        tags.GetAsync(request, cancellationToken);

    [Function(nameof(SetTags))]
    [RequireRole(Roles.Operator)]
    public Task<IActionResult> SetTags(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Route)] HttpRequest request, CancellationToken cancellationToken) =>
        tags.SetAsync(request, cancellationToken);
}
