namespace InfraFunctions.Core.Alerts;

/// <summary>
/// Marks hosts silent for N of their reporting intervals (default 3) as down, with a <c>host_down</c> alert that
/// resolves when the host reports again (at ingest, or here if a post's resolve was missed). Raising it marks the host's
/// open rule alerts as having no data; the host's next post with the value clears the mark.
/// </summary>
public sealed class StaleHostDetector(HostRepository hosts, AlertTrackStore tracks, AlertPublisher publisher, AlertRepository alerts, TimeProvider time, IOptionsMonitor<IngestOptions> ingest)
{
    public async Task<StaleHostsReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var staleness = new Staleness(ingest.CurrentValue);
        var key = AlertTrackStore.HostDownKey;
        var known = await hosts.ListAsync(cancellationToken);
        var open = await tracks.ReadEveryHostAsync(key, cancellationToken);
        List<string> down = [], raised = [], resolved = [];
        foreach (var host in known)
        {
            var stale = staleness.IsStale(host.LastSeen, host.IntervalSeconds, now);
            var track = open.GetValueOrDefault(host.HostId, AlertTrack.Empty);
            if (stale)
            {
                down.Add(host.HostId);
            }

            if (stale && track.OpenAlertId is null)
            {
                var silent = Math.Round((now - host.LastSeen).TotalSeconds);
                var limit = staleness.Limit(host.IntervalSeconds).TotalSeconds;
                var alert = await publisher.RaiseAsync(host.HostId, AlertMetrics.HostDown, Severity.Critical, silent, limit, HealthMessages.HostDown(host.HostId, silent, limit), now, cancellationToken);
                var changed = await MarkNoDataAsync(host.HostId, cancellationToken);
                changed[key] = AlertTrack.Empty with { OpenAlertId = alert.Id };
                await tracks.WriteAsync(host.HostId, changed, cancellationToken);
                raised.Add(host.HostId);
            }
            else if (!stale && track.OpenAlertId is { } id)
            {
                await publisher.ResolveHostDownAsync(host.HostId, id, now, cancellationToken);
                await tracks.WriteAsync(host.HostId, new Dictionary<string, AlertTrack> { [key] = AlertTrack.Empty }, cancellationToken);
                resolved.Add(host.HostId);
            }
        }

        return new StaleHostsReport(now, known.Count, down, raised, resolved);
    }

    /// <summary>Marks the open alerts of the host's rule tracks as having no data, on the alerts and on their tracks.</summary>
    private async Task<Dictionary<string, AlertTrack>> MarkNoDataAsync(string hostId, CancellationToken cancellationToken)
    {
        var changed = new Dictionary<string, AlertTrack>(StringComparer.Ordinal);
        foreach (var (trackKey, track) in await tracks.ReadAsync(hostId, cancellationToken))
        {
            if (RuleTracks.RuleOf(trackKey, track) is not null && track.OpenAlertId is { } id && !track.NoData)
            {
                await alerts.UpdateAsync(id, a => a with { NoData = true }, cancellationToken);
                changed[trackKey] = track with { NoData = true };
            }
        }

        return changed;
    }
}
