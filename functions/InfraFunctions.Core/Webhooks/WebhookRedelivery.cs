namespace InfraFunctions.Core.Webhooks;

/// <summary>
/// The timer side of the webhook outbox: takes deliveries whose lease ran out (their instance stopped, crashed or was
/// scaled in mid-retry) and queues them on this instance, with a fresh lease and a fresh set of attempts.
/// </summary>
public sealed class WebhookRedelivery(WebhookOutbox outbox, WebhookNotifier notifier, IOptionsMonitor<WebhookOptions> options, TimeProvider time, ILogger<WebhookRedelivery> logger)
{
    public async Task<WebhookRedeliveryReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var claimed = await outbox.ClaimExpiredAsync(notifier.Receivers(), WebhookOutbox.LeaseFor(options.CurrentValue), cancellationToken);
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
