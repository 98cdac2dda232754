using InfraFunctions.Core.Ingest;

namespace InfraFunctions.Functions;

public sealed class IngestFunctions(IngestHandler ingest)
{
    // Anonymous at the host: the authentication middleware checks the agent key before it runs.
    [Function(nameof(IngestSamples))]
    [RequireAgentKey]
    public Task<IActionResult> IngestSamples(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/ingest/samples")] HttpRequest request,
        CancellationToken cancellationToken) =>
        ingest.HandleAsync(request, cancellationToken);
}
