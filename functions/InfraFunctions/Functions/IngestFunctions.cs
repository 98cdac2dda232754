using InfraFunctions.Core.Ingest;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfraFunctions.Functions;

public sealed class IngestFunctions(IngestHandler ingest)
{
    // Anonymous at the host: the handler checks the per-agent key itself (DESIGN §10).
    [Function(nameof(IngestSamples))]
    public Task<IActionResult> IngestSamples(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/ingest/samples")] HttpRequest request,
        CancellationToken cancellationToken) =>
        ingest.HandleAsync(request, cancellationToken);
}
