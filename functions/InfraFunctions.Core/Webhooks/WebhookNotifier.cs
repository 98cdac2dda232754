using System.Threading.Channels;
using InfraFunctions.Core.Alerts;
using InfraFunctions.Core.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InfraFunctions.Core.Webhooks;

/// <summary>One event for one receiver.</summary>
public sealed record WebhookDelivery(Uri Url, WebhookFormat Format, AlertEvent Alert);

/// <summary>
/// Queues each alert event for every configured receiver and returns at once: delivery, retries and backoff happen
/// in <see cref="WebhookDeliveryService"/>, so a slow or failing receiver never holds up ingest.
/// </summary>
public sealed class WebhookNotifier(IOptionsMonitor<WebhookOptions> options, ILogger<WebhookNotifier> logger) : IAlertNotifier
{
    // Bounded: a receiver down for hours must not grow memory without limit; the oldest waiting deliveries go first.
    private readonly Channel<WebhookDelivery> _queue = Channel.CreateBounded<WebhookDelivery>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public ChannelReader<WebhookDelivery> Queue => _queue.Reader;

    public Task NotifyAsync(AlertEvent alert, CancellationToken cancellationToken = default)
    {
        var o = options.CurrentValue;
        foreach (var (urls, format) in new[] { (o.GenericUrls, WebhookFormat.Generic), (o.SlackUrls, WebhookFormat.Slack), (o.TeamsUrls, WebhookFormat.Teams) })
        {
            foreach (var url in WebhookOptions.Split(urls))
            {
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
                {
                    logger.LogWarning("A webhook URL in Webhooks__{Format}Urls is not an absolute http(s) URL; it is skipped", format);
                    continue;
                }

                _queue.Writer.TryWrite(new WebhookDelivery(uri, format, alert));
            }
        }

        return Task.CompletedTask;
    }
}
