namespace InfraFunctions.Core.Alerts;

/// <summary>
/// Marks hosts silent for N of their reporting intervals (default 3) as down, with a <c>host_down</c> alert that
/// resolves when the host reports again (at ingest, or here if a post's resolve was missed).
/// </summary>
public sealed class StaleHostDetector(HostRepository hosts, AlertTrackStore tracks, AlertPublisher publisher, TimeProvider time, IOptionsMonitor<IngestOptions> ingest)
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
                await tracks.WriteAsync(host.HostId, new Dictionary<string, AlertTrack> { [key] = AlertTrack.Empty with { OpenAlertId = alert.Id } }, cancellationToken);
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
}
