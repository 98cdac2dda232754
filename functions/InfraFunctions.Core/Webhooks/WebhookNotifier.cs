using System.Threading.Channels;
using InfraFunctions.Core.Alerts;
using InfraFunctions.Core.Channels;

namespace InfraFunctions.Core.Webhooks;

/// <summary>
/// Sends each alert event to its channels: the ones its rule names, or every default channel when it names none. Each
/// delivery is recorded in the <see cref="WebhookOutbox"/> and queued, and this returns: delivery, retries and backoff
/// happen in <see cref="WebhookDeliveryService"/>, so a slow or failing receiver never holds up ingest, and a delivery
/// this instance cannot finish is picked up again by <see cref="WebhookRedelivery"/>.
/// </summary>
public sealed class WebhookNotifier(IOptionsMonitor<WebhookOptions> options, WebhookOutbox outbox, ChannelDirectory channels, IAlertNotificationGate gate, ILogger<WebhookNotifier> logger)
    : IAlertNotifier, IAlertChannelSender
{
    // Bounded: a receiver down for hours must not grow memory without limit; the oldest waiting deliveries go first
    // (their outbox rows stay, so a later redelivery sweep sends them).
    private readonly Channel<WebhookDelivery> _queue = Channel.CreateBounded<WebhookDelivery>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public ChannelReader<WebhookDelivery> Queue => _queue.Reader;

    public async Task NotifyAsync(AlertEvent alert, CancellationToken cancellationToken = default)
    {
        if ((await gate.DecideAsync(alert, cancellationToken)).Send)
        {
            await SendAsync(alert, cancellationToken);
        }
    }

    public async Task SendAsync(AlertEvent alert, CancellationToken cancellationToken = default)
    {
        var (targets, unknown) = await channels.RouteAsync(alert.Channels, cancellationToken);
        foreach (var id in unknown)
        {
            logger.LogWarning("Alert {AlertId} names channel {ChannelId}, which does not exist; it is skipped", alert.AlertId, id);
        }

        var lease = WebhookOutbox.LeaseFor(options.CurrentValue);
        foreach (var channel in targets)
        {
            var delivery = new WebhookDelivery(channel, alert);
            try
            {
                delivery = delivery with { OutboxId = await outbox.AddAsync(delivery, lease, cancellationToken) };
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Storage trouble must not cost the alert: it is still sent from memory, just not redelivered.
                logger.LogWarning(ex, "Delivery of alert {AlertId} to channel {ChannelId} could not be recorded; it is sent without a durable record", alert.AlertId, channel.Id);
            }

            Enqueue(delivery);
        }
    }

    /// <summary>Hands a delivery to this instance's delivery service.</summary>
    public void Enqueue(WebhookDelivery delivery) => _queue.Writer.TryWrite(delivery);
}
