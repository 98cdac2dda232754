using System.Threading.Channels;
using InfraFunctions.Core.Alerts;

namespace InfraFunctions.Core.Webhooks;

/// <summary>
/// Records each alert event for every configured receiver in the <see cref="WebhookOutbox"/>, queues it and returns:
/// delivery, retries and backoff happen in <see cref="WebhookDeliveryService"/>, so a slow or failing receiver never
/// holds up ingest, and a delivery this instance cannot finish is picked up again by <see cref="WebhookRedelivery"/>.
/// </summary>
public sealed class WebhookNotifier(IOptionsMonitor<WebhookOptions> options, WebhookOutbox outbox, IAlertNotificationGate gate, ILogger<WebhookNotifier> logger) : IAlertNotifier, IAlertChannelSender
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
        var lease = WebhookOutbox.LeaseFor(options.CurrentValue);
        foreach (var (url, format) in Receivers())
        {
            var delivery = new WebhookDelivery(url, format, alert);
            try
            {
                delivery = delivery with { OutboxId = await outbox.AddAsync(delivery, lease, cancellationToken) };
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Storage trouble must not cost the alert: it is still sent from memory, just not redelivered.
                logger.LogWarning(ex, "Webhook delivery of alert {AlertId} could not be recorded; it is sent without a durable record", alert.AlertId);
            }

            Enqueue(delivery);
        }
    }

    /// <summary>Hands a delivery to this instance's delivery service.</summary>
    public void Enqueue(WebhookDelivery delivery) => _queue.Writer.TryWrite(delivery);

    /// <summary>Every configured receiver; a malformed URL is logged (never printed: it may be a secret) and skipped.</summary>
    public IReadOnlyList<(Uri Url, WebhookFormat Format)> Receivers()
    {
        var o = options.CurrentValue;
        var receivers = new List<(Uri, WebhookFormat)>();
        foreach (var (urls, format) in new[] { (o.GenericUrls, WebhookFormat.Generic), (o.SlackUrls, WebhookFormat.Slack), (o.TeamsUrls, WebhookFormat.Teams) })
        {
            foreach (var url in WebhookOptions.Split(urls))
            {
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
                {
                    logger.LogWarning("A webhook URL in Webhooks__{Format}Urls is not an absolute http(s) URL; it is skipped", format);
                    continue;
                }

                receivers.Add((uri, format));
            }
        }

        return receivers;
    }
}
