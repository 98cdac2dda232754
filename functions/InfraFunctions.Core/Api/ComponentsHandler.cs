using InfraFunctions.Core.Auth;
using InfraFunctions.Core.Observability;
using InfraFunctions.Core.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace InfraFunctions.Core.Api;

/// <summary>
/// <c>GET /api/v1/observability/health/components</c> (reader). Tokens live in Table Storage, so while it is down no
/// token can be checked: the endpoint then still answers, within its timeout, 503 with the statuses only (no errors,
/// details or counters), so a monitor sees what is down without a verified caller seeing more.
/// </summary>
public sealed class ComponentsHandler(CallerGate gate, ComponentHealthService health, TimeProvider time, ILogger<ComponentsHandler> logger)
{
    public async Task<IActionResult> GetAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        IActionResult? refusal;
        try
        {
            (_, refusal) = await gate.RequireAsync(request, Roles.Reader, cancellationToken).WaitAsync(ComponentHealthService.CheckTimeout, time, cancellationToken);
        }
        catch (Exception ex) when (ex is TimeoutException || StorageFailure.IsTransient(ex))
        {
            logger.LogWarning(ex, "Component health: the caller's token could not be checked; answering with statuses only");
            var statuses = (await health.CheckAsync(cancellationToken)).Select(c => c with { LastError = null, Detail = null }).ToArray();
            var redacted = new ComponentsResponse("error", ComponentStatus.WorstOf(statuses.Select(c => c.Status)), time.GetUtcNow(), statuses, null, null);
            var unavailable = new JsonApiResult<ComponentsResponse>(redacted, ApiJsonContext.Default.ComponentsResponse, StatusCodes.Status503ServiceUnavailable);
            unavailable.Headers["Retry-After"] = "10";
            return unavailable;
        }

        if (refusal is not null)
        {
            return refusal;
        }

        var components = await health.CheckAsync(cancellationToken);
        var overall = ComponentStatus.WorstOf(components.Select(c => c.Status));
        return ApiResults.Ok(new ComponentsResponse("success", overall, time.GetUtcNow(), components, health.Clients(), health.Counters()), ApiJsonContext.Default.ComponentsResponse);
    }
}
