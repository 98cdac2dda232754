namespace InfraFunctions.Core.Webhooks;

/// <summary>What a redelivery sweep found: deliveries whose instance stopped before finishing them, queued again here.</summary>
public sealed record WebhookRedeliveryReport(DateTimeOffset RanAt, int Requeued);
