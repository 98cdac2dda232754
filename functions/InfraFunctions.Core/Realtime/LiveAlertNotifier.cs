using System.Text.Json;
using InfraFunctions.Core.Alerts;

namespace InfraFunctions.Core.Realtime;

/// <summary>Pushes alert events live (<c>alert.updated</c>) to the host's group and the fleet group. Best-effort, like metrics.</summary>
public sealed class LiveAlertNotifier(SignalRAccess access, RealtimeOutbox outbox) : IAlertNotifier
{
    public Task NotifyAsync(AlertEvent alert, CancellationToken cancellationToken = default)
    {
        if (!access.IsConfigured)
        {
            return Task.CompletedTask;
        }

        var message = new AlertMessage(alert.Kind, alert.AlertId, alert.HostId, alert.Metric, alert.Severity, alert.Value,
            alert.Threshold, alert.Message, alert.RaisedAt, alert.ResolvedAt);
        var json = JsonSerializer.SerializeToUtf8Bytes(message, RealtimeJsonContext.Default.AlertMessage);
        outbox.Post(new OutboundMessage(RealtimeNames.HostGroup(alert.HostId), RealtimeNames.AlertUpdated, json));
        outbox.Post(new OutboundMessage(RealtimeNames.FleetGroup, RealtimeNames.AlertUpdated, json));
        return Task.CompletedTask;
    }
}
