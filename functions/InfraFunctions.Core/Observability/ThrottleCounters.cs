namespace InfraFunctions.Core.Observability;

/// <summary>How often this instance was throttled or failed on the way out: ingest, live pushes and webhooks.</summary>
public sealed record ThrottleCounters(
    long IngestThrottledPosts,
    long RealtimePublished,
    long RealtimeFailed,
    long RealtimeDropped,
    long WebhooksDelivered,
    long WebhooksFailed);
