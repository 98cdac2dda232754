using Microsoft.Extensions.Hosting;

namespace InfraFunctions.Core.Realtime;

/// <summary>
/// Drains the outbox into SignalR Service's REST API, a few sends at a time; connections whose lease ended leave their
/// groups before a send to them. Failures are counted and logged once per outage.
/// </summary>
public sealed class RealtimeDispatcher(RealtimeOutbox outbox, RealtimeCounters counters, StreamLeases leases, IServiceProvider services, ILogger<RealtimeDispatcher> logger)
    : BackgroundService
{
    private const int Workers = 4;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => DrainAsync(stoppingToken)));

    private async Task DrainAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var message in outbox.Reader.ReadAllAsync(stoppingToken))
            {
                await SendAsync(message, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down: queued live updates are stale by the next post anyway
        }
    }

    private async Task SendAsync(OutboundMessage message, CancellationToken stoppingToken)
    {
        try
        {
            var client = services.GetRequiredService<SignalRRestClient>();
            foreach (var lease in message.ExpelFirst ?? [])
            {
                // A failure here skips the send as well: the group still holds a connection whose lease ended.
                await leases.ForgetExpiredAsync(lease, ct => client.RemoveFromAllGroupsAsync(lease.ConnectionId, ct), stoppingToken);
            }

            if (message.Group is null)
            {
                await client.BroadcastAsync(message.Target, message.Argument, stoppingToken);
            }
            else
            {
                await client.SendToGroupAsync(message.Group, message.Target, message.Argument, stoppingToken);
            }

            if (counters.ConsecutiveFailures > 0)
            {
                logger.LogInformation("SignalR Service reachable again after {Failures} failed sends", counters.ConsecutiveFailures);
            }

            counters.RecordPublished();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            if (counters.RecordFailed($"{ex.GetType().Name}: {ex.Message}"))
            {
                logger.LogWarning(ex, "Live update {Target} to {Group} failed; further failures are counted until SignalR Service answers again", message.Target, message.Group ?? "(hub)");
            }
            else
            {
                logger.LogDebug("Live update {Target} to {Group} failed: {Error}", message.Target, message.Group ?? "(hub)", ex.Message);
            }
        }
    }
}
