namespace InfraFunctions.Core.Alerts;

/// <summary>A reaction to alert events: webhooks, live push. A failing notifier never fails the caller.</summary>
public interface IAlertNotifier
{
    Task NotifyAsync(AlertEvent alert, CancellationToken cancellationToken = default);
}
