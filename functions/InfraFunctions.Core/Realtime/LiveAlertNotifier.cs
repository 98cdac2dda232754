using InfraFunctions.Core.Alerts;

namespace InfraFunctions.Core.Realtime;

/// <summary>
/// Pushes alert events live (<c>alert.updated</c>) to the fleet group, which every streaming dashboard joins,
/// so each connection gets each event once. Best-effort, like metrics.
/// </summary>
public sealed class LiveAlertNotifier(SignalRAccess access, StreamLeases leases, RealtimeOutbox outbox) : IAlertNotifier
{
    public async Task NotifyAsync(AlertEvent alert, CancellationToken cancellationToken = default)
    {
        if (!access.IsConfigured)
        {
            return;
        }

        var fleet = await leases.WatchFleetAsync(cancellationToken);
        var json = JsonSerializer.SerializeToUtf8Bytes(alert, RealtimeJsonContext.Default.AlertEvent);
        outbox.Post(new OutboundMessage(RealtimeNames.FleetGroup, RealtimeNames.AlertUpdated, json, fleet.Expired));
    }
}
