namespace InfraFunctions.Core.Alerts;

/// <summary>The gate when nothing can hold a notification: every event goes.</summary>
public sealed class OpenNotificationGate : IAlertNotificationGate
{
    public Task<NotificationDecision> DecideAsync(AlertEvent alert, CancellationToken cancellationToken = default) =>
        Task.FromResult(NotificationDecision.Now);
}
