using InfraFunctions.Core.Alerts;
using InfraFunctions.Core.Ingest;

namespace InfraFunctions.Core.Realtime;

/// <summary>
/// Ingest's live reaction: the newest sample to <c>host-{id}</c> while someone watches that host, and a fleet row
/// to <c>observability-metrics</c> while any dashboard streams. It only enqueues: sending happens in
/// <see cref="RealtimeDispatcher"/>, so ingest never waits for SignalR Service. Each message carries the leases of
/// its group that ran out, and the dispatcher removes those connections from their groups before it sends: the
/// lease check sits where the message is decided, so no send reaches a connection whose lease has ended, however
/// long ago the last sweep ran.
/// </summary>
public sealed class LivePublisher(SignalRAccess access, StreamLeases leases, RealtimeOutbox outbox, AlertRepository alerts) : IIngestSubscriber
{
    public async Task OnIngestedAsync(IngestedBatch batch, CancellationToken cancellationToken = default)
    {
        if (!access.IsConfigured)
        {
            return;
        }

        var latest = batch.Latest;
        var level = HealthScore.Level(latest.HealthScore);
        string? status = null;
        // The same status word as GET: a host that has just posted is not down. Read only when someone watches.
        async Task<string> StatusAsync() => status ??= HostStatus.Of(latest.Check,
            (await alerts.ListAsync(batch.HostId, AlertStates.Open, null, cancellationToken)).Any(HostStatus.KeepsCritical), stale: false);

        var host = await leases.WatchHostAsync(batch.HostId, cancellationToken);
        if (host.Watched)
        {
            var message = new HostMetricsMessage("host", batch.HostId, batch.Platform.Hostname, latest.Sample.Timestamp,
                latest.HealthScore, level, latest.Check, batch.Samples.Count, latest.Sample, await StatusAsync());
            outbox.Post(new OutboundMessage(RealtimeNames.HostGroup(batch.HostId), RealtimeNames.MetricsUpdated,
                JsonSerializer.SerializeToUtf8Bytes(message, RealtimeJsonContext.Default.HostMetricsMessage), host.Expired));
        }

        var fleet = await leases.WatchFleetAsync(cancellationToken);
        if (fleet.Watched)
        {
            var row = new FleetMetricsMessage("fleet", batch.HostId, batch.Platform.Hostname, batch.Platform.Os, latest.Sample.Timestamp,
                await StatusAsync(), latest.HealthScore, level, latest.Sample.Cpu.Percent, latest.Sample.Memory.Percent, latest.Sample.Disk.Percent);
            outbox.Post(new OutboundMessage(RealtimeNames.FleetGroup, RealtimeNames.MetricsUpdated,
                JsonSerializer.SerializeToUtf8Bytes(row, RealtimeJsonContext.Default.FleetMetricsMessage), fleet.Expired));
        }
    }
}
