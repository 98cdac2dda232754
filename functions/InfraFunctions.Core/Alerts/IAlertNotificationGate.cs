namespace InfraFunctions.Core.Alerts;

/// <summary>
/// Decides, just before channels are sent an alert event, whether it goes now or is held (an active silence, a flapping
/// alert), and records the decision on the stored alert. Held events are still stored, listed and pushed live.
/// </summary>
public interface IAlertNotificationGate
{
    Task<NotificationDecision> DecideAsync(AlertEvent alert, CancellationToken cancellationToken = default);
}
