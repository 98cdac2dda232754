using System.Globalization;
using InfraFunctions.Core.Alerts;
using InfraFunctions.Core.Health;
using InfraFunctions.Core.Silences;
using InfraFunctions.Core.Tags;
using InfraFunctions.Core.Validation;

namespace InfraFunctions.Handlers;

/// <summary>
/// <c>GET /api/v1/observability/alerts?host=&amp;state=&amp;severity=&amp;tag=&amp;since=</c> (reader) and
/// <c>POST /api/v1/observability/alerts/{id}/acknowledge</c> (operator). <c>state</c> is <c>open</c> or
/// <c>resolved</c>, or one condition of open alerts: <c>acknowledged</c>, <c>silenced</c>, <c>flapping</c>, <c>no_data</c>.
/// </summary>
public sealed class AlertsHandler(AlertRepository alerts, HostRepository hosts, HostTagCache hostTags, HostTagRepository tagStore, SilenceFinder silences, TimeProvider time)
{
    private const string Success = "success";
    private const int CachedTagReads = 20;
    private static readonly TimeSpan DefaultSince = TimeSpan.FromDays(7);

    private static readonly Dictionary<string, Func<AlertView, bool>> States = new(StringComparer.Ordinal)
    {
        [AlertStates.Open] = _ => true,
        [AlertStates.Resolved] = _ => true,
        ["acknowledged"] = a => a.AcknowledgedAt is not null,
        ["silenced"] = a => a.Silenced,
        ["flapping"] = a => a.Flapping,
        ["no_data"] = a => a.NoData,
    };

    public async Task<IActionResult> ListAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        string? host = request.Query["host"];
        string? state = request.Query["state"];
        string? severity = request.Query["severity"];
        string? sinceText = request.Query["since"];
        var (selector, tagErrors) = TagQuery.Parse(request);
        var errors = new Dictionary<string, string[]>();
        if (host is not null && HostIdRules.Validate(host) is { } invalidHost)
        {
            errors["host"] = [invalidHost];
        }

        if (state is not null && !States.ContainsKey(state))
        {
            errors["state"] = [$"Use state={string.Join(", state=", States.Keys)}, or leave it out for open and resolved alerts."];
        }

        if (severity is not null && !Severity.All.Contains(severity, StringComparer.Ordinal))
        {
            errors["severity"] = [$"Use severity={Severity.Warning} or severity={Severity.Critical}, or leave it out for both."];
        }

        if (tagErrors is not null)
        {
            errors["tag"] = tagErrors;
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

        // Open alerts (and each condition of them) are listed however old; otherwise the last 7 days unless 'since' says more.
        var stored = state is null or AlertStates.Resolved ? state : AlertStates.Open;
        since ??= stored == AlertStates.Open ? null : time.GetUtcNow() - DefaultSince;
        var list = (await alerts.ListAsync(host, stored, since, cancellationToken)).Where(a => severity is null || a.Severity == severity).ToArray();
        var views = (await ViewsAsync(list, cancellationToken))
            .Where(v => selector.All(t => v.Tags.TryGetValue(t.Key, out var value) && value == t.Value) && (state is null || States[state](v)))
            .ToArray();
        return ApiResults.Ok(new AlertsResponse(Success, views.Length, views), ApiJsonContext.Default.AlertsResponse);
    }

    public async Task<IActionResult> AcknowledgeAsync(HttpRequest request, string id, CancellationToken cancellationToken = default)
    {
        var caller = AuthenticatedCaller.Of(request);
        var now = time.GetUtcNow();
        var alert = await alerts.UpdateAsync(id, a => a.AcknowledgedAt is null ? a with { AcknowledgedAt = now, AcknowledgedBy = caller.Name } : a, cancellationToken);
        return alert is null
            ? ApiResults.NotFound($"No alert with id '{id}'. GET /api/v1/observability/alerts lists them with their ids.")
            : ApiResults.Ok(new AlertResponse(Success, (await ViewsAsync([alert], cancellationToken))[0]), ApiJsonContext.Default.AlertResponse);
    }

    /// <summary>Each alert with its host's tags now, and for open ones whether an active silence matches it now.</summary>
    private async Task<AlertView[]> ViewsAsync(IReadOnlyList<AlertRecord> list, CancellationToken cancellationToken)
    {
        var active = await silences.ActiveAsync(time.GetUtcNow(), cancellationToken);
        var hostIds = list.Select(a => a.HostId).Distinct(StringComparer.Ordinal).ToArray();
        var tags = new Dictionary<string, HostTags>(StringComparer.Ordinal);
        if (hostIds.Length > CachedTagReads)
        {
            // Many hosts: one read of every host's tags costs less than a read per host.
            tags = (await tagStore.ListAsync(cancellationToken)).ToDictionary(StringComparer.Ordinal);
        }
        else
        {
            foreach (var id in hostIds)
            {
                tags[id] = await hostTags.GetAsync(id, cancellationToken);
            }
        }

        return list.Select(a =>
        {
            var hostTagSet = tags.GetValueOrDefault(a.HostId, HostTags.None);
            var silenced = a.State == AlertStates.Open && SilenceFinder.Holding(active, a.HostId, a.RuleId, hostTagSet) is not null;
            return AlertView.Of(a, silenced, hostTagSet.Effective);
        }).ToArray();
    }
}
