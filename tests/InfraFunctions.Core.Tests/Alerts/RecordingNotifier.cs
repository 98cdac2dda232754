using System.Collections.Concurrent;
using InfraFunctions.Core.Alerts;

namespace InfraFunctions.Core.Tests.Alerts;

/// <summary>An alert notifier that keeps what it is told, as a webhook receiver or live push would see it.</summary>
internal sealed class RecordingNotifier : IAlertNotifier
{
    public ConcurrentQueue<AlertEvent> Events { get; } = new();

    public Task NotifyAsync(AlertEvent alert, CancellationToken cancellationToken = default)
    {
        Events.Enqueue(alert);
        return Task.CompletedTask;
    }
}

/// <summary>A notifier that always fails, to show it affects neither the others nor ingest.</summary>
internal sealed class FailingNotifier : IAlertNotifier
{
    public Task NotifyAsync(AlertEvent alert, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("receiver exploded");
}
