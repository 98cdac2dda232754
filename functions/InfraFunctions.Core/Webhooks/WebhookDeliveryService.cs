using System.Net;
using Microsoft.Extensions.Hosting;

namespace InfraFunctions.Core.Webhooks;

/// <summary>
/// Sends queued alert events to their channels. Each delivery retries network errors, 408, 429 and 5xx with
/// exponential backoff (honouring Retry-After); deliveries run side by side, so one dead receiver delays no other.
/// Channels are logged by id and host only: their URLs and keys are secrets. A delivery's outbox record is deleted
/// when it ends and its lease kept ahead of each retry; one abandoned at shutdown keeps its record for redelivery.
/// </summary>
public sealed class WebhookDeliveryService(
    WebhookNotifier notifier,
    WebhookOutbox outbox,
    IHttpClientFactory clients,
    TimeProvider time,
    IOptionsMonitor<WebhookOptions> options,
    WebhookOutcomes outcomes,
    ILogger<WebhookDeliveryService> logger) : BackgroundService
{
    public const string ClientName = "webhooks";
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _parallel = new(16, 16);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var running = new List<Task>();
        try
        {
            await foreach (var delivery in notifier.Queue.ReadAllAsync(stoppingToken))
            {
                await _parallel.WaitAsync(stoppingToken);
                running.RemoveAll(t => t.IsCompleted);
                running.Add(RunAsync(delivery, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }

        await Task.WhenAll(running);
    }

    private async Task RunAsync(WebhookDelivery delivery, CancellationToken stoppingToken)
    {
        try
        {
            var delivered = await DeliverAsync(delivery, stoppingToken);
            outcomes.Record(delivery.Receiver, delivered, delivered ? null : "The receiver refused the alert or stayed unreachable after every retry.");
            await CompleteAsync(delivery);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping: the delivery is abandoned
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Delivery of alert {AlertId} to channel {Receiver} failed unexpectedly", delivery.Alert.AlertId, delivery.Receiver);
            outcomes.Record(delivery.Receiver, false, ex.GetType().Name);
            await CompleteAsync(delivery);
        }
        finally
        {
            _parallel.Release();
        }
    }

    /// <summary>Delivers one event (each of its requests in turn), retrying with backoff; true when the receiver accepted it.</summary>
    public async Task<bool> DeliverAsync(WebhookDelivery delivery, CancellationToken cancellationToken = default)
    {
        foreach (var request in ChannelRequests.For(delivery.Channel, delivery.Alert))
        {
            if (!await SendAsync(delivery, request, cancellationToken))
            {
                return false;
            }
        }

        return true;
    }

    private async Task<bool> SendAsync(WebhookDelivery delivery, OutgoingRequest outgoing, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        var client = clients.CreateClient(ClientName);
        var (alert, kind, receiver) = (delivery.Alert, delivery.Channel.Kind, delivery.Receiver);
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan? retryAfter = null;
            string outcome;
            try
            {
                using var request = outgoing.ToMessage();
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(o.TimeoutSeconds));
                using var response = await client.SendAsync(request, timeout.Token);
                if (response.IsSuccessStatusCode)
                {
                    logger.LogInformation("Channel {Kind} {Receiver} accepted alert {AlertId} ({AlertKind}) on attempt {Attempt}", kind, receiver, alert.AlertId, alert.Kind, attempt);
                    return true;
                }

                outcome = $"HTTP {(int)response.StatusCode}";
                if (!IsRetryable(response.StatusCode))
                {
                    logger.LogWarning("Channel {Kind} {Receiver} refused alert {AlertId} with {Outcome}; not retried", kind, receiver, alert.AlertId, outcome);
                    return false;
                }

                retryAfter = response.Headers.RetryAfter?.Delta;
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                outcome = ex.GetType().Name;
            }

            if (attempt >= o.MaxAttempts)
            {
                logger.LogWarning("Delivery of alert {AlertId} to channel {Kind} {Receiver} gave up after {Attempts} attempts ({Outcome})", alert.AlertId, kind, receiver, attempt, outcome);
                return false;
            }

            var delay = Backoff(o.RetryDelayMilliseconds, attempt, retryAfter);
            await ExtendLeaseAsync(delivery, WebhookOutbox.LeaseFor(o, delay), cancellationToken);
            logger.LogInformation("Delivery of alert {AlertId} to channel {Kind} {Receiver} failed ({Outcome}); retry {Attempt} in {Delay}", alert.AlertId, kind, receiver, outcome, attempt + 1, delay);
            await Task.Delay(delay, time, cancellationToken);
        }
    }

    private async Task CompleteAsync(WebhookDelivery delivery)
    {
        if (delivery.OutboxId is not { } id)
        {
            return;
        }

        try
        {
            await outbox.CompleteAsync(id, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The record outlives the delivery: a redelivery sweep may send it once more (at least once).
            logger.LogWarning(ex, "The finished webhook delivery of alert {AlertId} could not be removed from the outbox", delivery.Alert.AlertId);
        }
    }

    private async Task ExtendLeaseAsync(WebhookDelivery delivery, TimeSpan leaseFor, CancellationToken cancellationToken)
    {
        if (delivery.OutboxId is not { } id)
        {
            return;
        }

        try
        {
            await outbox.ExtendAsync(id, leaseFor, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "The lease of webhook delivery of alert {AlertId} could not be extended; another instance may send it too", delivery.Alert.AlertId);
        }
    }

    /// <summary>The first retry waits the base delay, each next one twice as long, up to five minutes; Retry-After wins when longer.</summary>
    public static TimeSpan Backoff(int baseMilliseconds, int failedAttempts, TimeSpan? retryAfter = null)
    {
        var exponential = TimeSpan.FromMilliseconds(baseMilliseconds * Math.Pow(2, Math.Min(failedAttempts - 1, 20)));
        var delay = exponential < MaxDelay ? exponential : MaxDelay;
        return retryAfter is { } r && r > delay ? (r < MaxDelay ? r : MaxDelay) : delay;
    }

    private static bool IsRetryable(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    public override void Dispose()
    {
        _parallel.Dispose();
        base.Dispose();
    }
}
