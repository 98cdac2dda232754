using InfraFunctions.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfraFunctions.Functions;

// Anonymous at the host: the handler requires a reader (get) or operator (put, delete) token itself (DESIGN §10).
public sealed class ThresholdFunctions(ThresholdsHandler thresholds)
{
    private const string Route = "v1/observability/thresholds";

    [Function(nameof(GetThresholds))]
    public Task<IActionResult> GetThresholds(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest request, CancellationToken cancellationToken) =>
        thresholds.GetAsync(request, cancellationToken);

    [Function(nameof(SetThresholds))]
    public Task<IActionResult> SetThresholds(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Route)] HttpRequest request, CancellationToken cancellationToken) =>
        thresholds.SetAsync(request, cancellationToken);

    [Function(nameof(ResetThresholds))]
    public Task<IActionResult> ResetThresholds(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Route)] HttpRequest request, CancellationToken cancellationToken) =>
        thresholds.ResetAsync(request, cancellationToken);
}
