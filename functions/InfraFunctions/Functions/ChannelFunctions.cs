namespace InfraFunctions.Functions;

// Readers see the channels (never their secrets); operators change and test them.
public sealed class ChannelFunctions(ChannelsHandler channels)
{
    private const string Route = "v1/observability/channels";

    [Function(nameof(ListChannels))]
    [RequireRole(Roles.Reader)]
    public Task<IActionResult> ListChannels(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest request, CancellationToken cancellationToken) =>
        channels.ListAsync(cancellationToken);

    [Function(nameof(CreateChannel))]
    [RequireRole(Roles.Operator)]
    public Task<IActionResult> CreateChannel(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route)] HttpRequest request, CancellationToken cancellationToken) =>
        channels.CreateAsync(request, cancellationToken);

    [Function(nameof(ReplaceChannel))]
    [RequireRole(Roles.Operator)]
    public Task<IActionResult> ReplaceChannel(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Route + "/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        channels.ReplaceAsync(request, id, cancellationToken);

    [Function(nameof(DeleteChannel))]
    [RequireRole(Roles.Operator)]
    public Task<IActionResult> DeleteChannel(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Route + "/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        channels.DeleteAsync(id, cancellationToken);

    [Function(nameof(TestChannel))]
    [RequireRole(Roles.Operator)]
    public Task<IActionResult> TestChannel(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route + "/{id}/test")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        channels.TestAsync(request, id, cancellationToken);
}
