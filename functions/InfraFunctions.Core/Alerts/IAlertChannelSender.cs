namespace InfraFunctions.Core.Alerts;

/// <summary>Sends an alert event to its channels (durably, with retries), without asking the <see cref="IAlertNotificationGate"/>: for events already decided.</summary>
public interface IAlertChannelSender
{
    Task SendAsync(AlertEvent alert, CancellationToken cancellationToken = default);
}
