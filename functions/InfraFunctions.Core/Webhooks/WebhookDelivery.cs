using InfraFunctions.Core.Alerts;
using InfraFunctions.Core.Channels;

namespace InfraFunctions.Core.Webhooks;

/// <summary>One event for one channel; <see cref="OutboxId"/> names its durable record, when it has one.</summary>
public sealed record WebhookDelivery(ChannelRecord Channel, AlertEvent Alert)
{
    public string? OutboxId { get; init; }

    /// <summary>The channel as logs and component health name it: its id and its receiver's host, no secret.</summary>
    public string Receiver => $"{Channel.Id} ({Channel.Endpoint?.Host})";
}
