using InfraFunctions.Core.Alerts;

namespace InfraFunctions.Core.Webhooks;

/// <summary>One event for one receiver; <see cref="OutboxId"/> names its durable record, when it has one.</summary>
public sealed record WebhookDelivery(Uri Url, WebhookFormat Format, AlertEvent Alert)
{
    public string? OutboxId { get; init; }
}
