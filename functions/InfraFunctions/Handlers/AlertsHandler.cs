using System.Globalization;
using InfraFunctions.Core.Alerts;
using InfraFunctions.Core.Validation;

namespace InfraFunctions.Handlers;

/// <summary>
/// <c>GET /api/v1/observability/alerts?host=&amp;state=open|resolved&amp;since=</c> (reader) and
/// <c>POST /api/v1/observability/alerts/{id}/acknowledge</c> (operator).
/// </summary>
public sealed class AlertsHandler(AlertRepository alerts, HostRepository hosts, TimeProvider time)
{
    private const string Success = "success";
    private static readonly TimeSpan DefaultSince = TimeSpan.FromDays(7);

    public async Task<IActionResult> ListAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        string? host = request.Query["host"];
        string? state = request.Query["state"];
        string? sinceText = request.Query["since"];
        var errors = new Dictionary<string, string[]>();
        if (host is not null && HostIdRules.Validate(host) is { } invalidHost)
        {
            errors["host"] = [invalidHost];
        }

        if (state is not null and not (AlertStates.Open or AlertStates.Resolved))
        {
            errors["state"] = [$"Use state={AlertStates.Open} or state={AlertStates.Resolved}, or leave it out for both."];
        }

        DateTimeOffset? since = null;
        if (sinceText is not null)
        {
            if (DateTimeOffset.TryParse(sinceText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            {
                since = parsed;
            }
            else
            {
                errors["since"] = ["Give an ISO-8601 time such as 2026-11-27T10:00:00Z."];
            }
        }

        if (errors.Count > 0)
        {
            return ApiResults.BadRequest("The alert query is not valid; see 'errors'.", errors);
        }

        // A host that never reported is 404, as on every per-host route; one that reported and has no alerts is an empty list.
        if (host is not null && await hosts.GetAsync(host, cancellationToken) is null)
        {
            return ApiResults.NotFound($"No host with id '{host}' has reported. GET /api/v1/observability/hosts lists the known hosts.");
        }

        // Open alerts are listed however old; otherwise the last 7 days unless 'since' says more.
        since ??= state == AlertStates.Open ? null : time.GetUtcNow() - DefaultSince;
        var list = await alerts.ListAsync(host, state, since, cancellationToken);
        return ApiResults.Ok(new AlertsResponse(Success, list.Count, list), ApiJsonContext.Default.AlertsResponse);
    }

    public async Task<IActionResult> AcknowledgeAsync(HttpRequest request, string id, CancellationToken cancellationToken = default)
    {
        var caller = AuthenticatedCaller.Of(request);
        var now = time.GetUtcNow();
        var alert = await alerts.UpdateAsync(id, a => a.AcknowledgedAt is null ? a with { AcknowledgedAt = now, AcknowledgedBy = caller.Name } : a, cancellationToken);
        return alert is null
            ? ApiResults.NotFound($"No alert with id '{id}'. GET /api/v1/observability/alerts lists them with their ids.")
            : ApiResults.Ok(new AlertResponse(Success, alert), ApiJsonContext.Default.AlertResponse);
    }
}
