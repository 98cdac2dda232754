using InfraFunctions.Core.Channels;

namespace InfraFunctions.Core.Webhooks;

/// <summary>
/// The timer side of the webhook outbox: takes deliveries whose lease ran out (their instance stopped, crashed or was
/// scaled in mid-retry) and queues them on this instance, with a fresh lease and a fresh set of attempts. Each row's
/// channel is read again from the table, so a channel deleted meanwhile gets nothing and its rows are dropped.
/// </summary>
public sealed class WebhookRedelivery(WebhookOutbox outbox, WebhookNotifier notifier, ChannelDirectory channels, IOptionsMonitor<WebhookOptions> options, TimeProvider time, ILogger<WebhookRedelivery> logger)
{
    public async Task<WebhookRedeliveryReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var all = await channels.AllAsync(fresh: true, cancellationToken);
        var claimed = await outbox.ClaimExpiredAsync(all, WebhookOutbox.LeaseFor(options.CurrentValue), cancellationToken);
        foreach (var delivery in claimed)
        {
            notifier.Enqueue(delivery);
        }

        if (claimed.Count > 0)
        {
            logger.LogInformation("Queued {Count} webhook deliveries again that an instance left unfinished", claimed.Count);
        }

        return new WebhookRedeliveryReport(time.GetUtcNow(), claimed.Count);
    }
}
