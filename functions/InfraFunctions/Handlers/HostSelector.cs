using InfraFunctions.Core.Validation;

namespace InfraFunctions.Handlers;

/// <summary>
/// Resolves <c>?host=</c>. Without it, the only host is used when there is exactly one; otherwise a 400 lists the hosts.
/// The id is only ever used as a point-read key, never spliced into a filter. The caller was authenticated before
/// the handler ran, so nothing about the fleet reaches a caller without a role.
/// </summary>
public sealed class HostSelector(HostRepository hosts)
{
    public async Task<(HostRecord? Host, IActionResult? Error)> SelectAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        string? hostId = request.Query["host"];
        if (hostId is null)
        {
            var known = await hosts.ListAsync(cancellationToken);
            if (known.Count != 1)
            {
                return (null, known.Count == 0
                    ? ApiResults.NotFound("No host has reported yet. Install the agent on a host, or check its key and endpoint.")
                    : ApiResults.Problem(new Problem("https://httpstatuses.io/400", "Choose a host", 400,
                        $"{known.Count} hosts report here; add ?host=<host id> to choose one.",
                        KnownHosts: known.Select(h => h.HostId).Order(StringComparer.Ordinal).ToArray())));
            }

            hostId = known[0].HostId;
        }

        if (HostIdRules.Validate(hostId) is { } invalid)
        {
            return (null, ApiResults.BadRequest(invalid, new Dictionary<string, string[]> { ["host"] = [invalid] }));
        }

        var host = await hosts.GetAsync(hostId, cancellationToken);
        return host is null
            ? (null, ApiResults.NotFound($"No host with id '{hostId}' has reported. GET /api/v1/observability/hosts lists the known hosts."))
            : (host, null);
    }
}
