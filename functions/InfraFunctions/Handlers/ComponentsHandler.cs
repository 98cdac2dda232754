using InfraFunctions.Core.Observability;

namespace InfraFunctions.Handlers;

/// <summary>
/// <c>GET /api/v1/observability/health/components</c> (reader). Tokens live in Table Storage, so while it is down no
/// token can be checked: the authentication middleware then lets this route through unverified, and it still
/// answers, within its timeout, 503 with the statuses only (no errors, details or counters), so a monitor sees what
/// is down without an unverified caller seeing more.
/// </summary>
public sealed class ComponentsHandler(ComponentHealthService health, TimeProvider time)
{
    public async Task<IActionResult> GetAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        if (AuthenticatedCaller.IsUnverified(request))
        {
            var statuses = (await health.CheckAsync(cancellationToken)).Select(c => c with { LastError = null, Detail = null }).ToArray();
            var redacted = new ComponentsResponse("error", ComponentStatus.WorstOf(statuses.Select(c => c.Status)), time.GetUtcNow(), statuses, null, null);
            var unavailable = new JsonApiResult<ComponentsResponse>(redacted, ApiJsonContext.Default.ComponentsResponse, StatusCodes.Status503ServiceUnavailable);
            unavailable.Headers["Retry-After"] = "10";
            return unavailable;
        }

        var components = await health.CheckAsync(cancellationToken);
        var overall = ComponentStatus.WorstOf(components.Select(c => c.Status));
        return ApiResults.Ok(new ComponentsResponse("success", overall, time.GetUtcNow(), components, health.Clients(), health.Counters()), ApiJsonContext.Default.ComponentsResponse);
    }
}
