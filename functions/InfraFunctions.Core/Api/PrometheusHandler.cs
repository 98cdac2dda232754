using InfraFunctions.Core.Auth;
using InfraFunctions.Core.Observability;
using InfraFunctions.Core.Options;
using InfraFunctions.Core.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace InfraFunctions.Core.Api;

/// <summary>
/// <c>GET /api/v1/observability/metrics/prometheus</c> (reader): the fleet's latest values for a Prometheus scrape,
/// which carries the token with <c>authorization: { credentials: ... }</c>.
/// </summary>
public sealed class PrometheusHandler(CallerGate gate, HostRepository hosts, ApiGuard guard, IOptionsMonitor<IngestOptions> ingest, TimeProvider time)
{
    public Task<IActionResult> GetAsync(HttpRequest request, CancellationToken cancellationToken = default) =>
        guard.RunAsync("Prometheus export", async () =>
        {
            var (_, refusal) = await gate.RequireAsync(request, Roles.Reader, cancellationToken);
            if (refusal is not null)
            {
                return refusal;
            }

            var fleet = await hosts.ListRecordsAsync(cancellationToken);
            return new TextApiResult(PrometheusExporter.Render(fleet, ingest.CurrentValue, time.GetUtcNow()), PrometheusText.ContentType);
        });
}
