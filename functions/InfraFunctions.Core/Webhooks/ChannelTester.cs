using InfraFunctions.Core.Alerts;
using InfraFunctions.Core.Channels;

namespace InfraFunctions.Core.Webhooks;

/// <summary>
/// Sends a channel a test message now, once, within the configured timeout, and reports what the receiver answered:
/// no retry and no outbox, so the person testing sees the receiver's own answer. A refusal or an unreachable receiver
/// is a result, not an error.
/// </summary>
public sealed class ChannelTester(IHttpClientFactory clients, IOptionsMonitor<WebhookOptions> options, TimeProvider time, ILogger<ChannelTester> logger)
{
    public const int MaxReplyChars = 500;

    public static AlertEvent TestEvent(ChannelRecord channel, string requestedBy, DateTimeOffset now) => new(
        AlertKinds.Test,
        $"test-{channel.Id}-{now.UtcTicks}",
        "infrafunctions",
        "test",
        Severity.Warning,
        0,
        0,
        $"Test message for channel '{channel.Name}', sent by {requestedBy}",
        now,
        null,
        Channels: [channel.Id]);

    public async Task<ChannelTestResult> TestAsync(ChannelRecord channel, string requestedBy, CancellationToken cancellationToken = default)
    {
        var alert = TestEvent(channel, requestedBy, time.GetUtcNow());
        var started = time.GetTimestamp();
        var timeoutSeconds = options.CurrentValue.TimeoutSeconds;
        var client = clients.CreateClient(WebhookDeliveryService.ClientName);
        (int? Status, string? Reply) last = (null, null);
        foreach (var outgoing in ChannelRequests.For(channel, alert))
        {
            try
            {
                using var request = outgoing.ToMessage();
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(timeoutSeconds));
                using var response = await client.SendAsync(request, timeout.Token);
                var reply = await response.Content.ReadAsStringAsync(timeout.Token);
                last = ((int)response.StatusCode, reply.Length > MaxReplyChars ? reply[..MaxReplyChars] : reply);
                if (!response.IsSuccessStatusCode)
                {
                    logger.LogInformation("Channel {ChannelId} refused its test with HTTP {Status}", channel.Id, last.Status);
                    return new ChannelTestResult(false, last.Status, last.Reply, Elapsed(started), $"The receiver answered HTTP {last.Status}.");
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // The exception's own message can carry the URL; say what happened in our words.
                var error = ex switch
                {
                    OperationCanceledException => $"The receiver at {outgoing.Url.Host} did not answer within {timeoutSeconds} s.",
                    HttpRequestException { HttpRequestError: var kind } => $"The receiver at {outgoing.Url.Host} could not be reached ({kind}).",
                    _ => $"The connection to {outgoing.Url.Host} failed ({ex.GetType().Name}).",
                };
                logger.LogInformation("Channel {ChannelId} could not be reached for its test ({Error})", channel.Id, ex.GetType().Name);
                return new ChannelTestResult(false, last.Status, last.Reply, Elapsed(started), error);
            }
        }

        return new ChannelTestResult(true, last.Status, last.Reply, Elapsed(started), null);
    }

    private long Elapsed(long started) => (long)time.GetElapsedTime(started).TotalMilliseconds;
}
