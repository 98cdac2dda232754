using InfraFunctions.Core.Telemetry;

namespace InfraFunctions.Core.Webhooks;

/// <summary>The last webhook delivery's outcome on this instance, for component health.</summary>
public sealed class WebhookOutcomes(TimeProvider time)
{
    private long _delivered;
    private long _failed;

    public long Delivered => Interlocked.Read(ref _delivered);

    public long Failed => Interlocked.Read(ref _failed);

    public WebhookOutcome? Last { get; private set; }

    public void Record(string receiver, bool delivered, string? error = null)
    {
        Interlocked.Increment(ref delivered ? ref _delivered : ref _failed);
        InfraMetrics.RecordWebhook(delivered);
        Last = new WebhookOutcome(receiver, delivered, time.GetUtcNow(), error);
    }
}
