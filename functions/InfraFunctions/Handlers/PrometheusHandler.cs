using InfraFunctions.Core.Health;
using InfraFunctions.Core.Observability;
using InfraFunctions.Core.Tags;

namespace InfraFunctions.Handlers;

/// <summary>
/// <c>GET /api/v1/observability/metrics/prometheus</c> (reader): the fleet's latest values for a Prometheus scrape,
/// which carries the token with <c>authorization: { credentials: ... }</c>. <c>?tag=key:value</c> (repeatable, all
/// required) keeps the hosts that carry those tags; every host series carries the host's tags as <c>tag_</c> labels.
/// </summary>
public sealed class PrometheusHandler(HostRepository hosts, HostTagRepository tags, FleetHealth fleetHealth, IOptionsMonitor<IngestOptions> ingest)
{
    public async Task<IActionResult> GetAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        var (selector, errors) = TagQuery.Parse(request);
        if (errors is not null)
        {
            return ApiResults.BadRequest(errors[0], new Dictionary<string, string[]> { ["tag"] = errors });
        }

        var fleetTask = hosts.ListRecordsAsync(cancellationToken);
        var tagsTask = tags.ListAsync(cancellationToken);
        var judge = await fleetHealth.LoadAsync(cancellationToken);
        var hostTags = await tagsTask;
        var fleet = (await fleetTask).Where(h => hostTags.GetValueOrDefault(h.HostId, HostTags.None).Matches(selector)).ToArray();
        var health = fleet.ToDictionary(h => h.HostId, judge.Of, StringComparer.Ordinal);
        var effective = fleet.ToDictionary(h => h.HostId, h => hostTags.GetValueOrDefault(h.HostId, HostTags.None).Effective, StringComparer.Ordinal);
        return new TextApiResult(PrometheusExporter.Render(fleet, health, ingest.CurrentValue, judge.Now, effective), PrometheusText.ContentType);
    }
}
