using System.Security.Cryptography;
using System.Text;
using InfraFunctions.Core.Alerts;
using InfraFunctions.Core.Channels;

namespace InfraFunctions.Core.Webhooks;

/// <summary>
/// The durable record of every channel delivery not yet finished, in the <c>webhooks</c> table: written before the
/// in-memory queue gets the delivery, deleted when it ends (delivered, refused, or out of attempts). Each row carries
/// a lease that the delivering instance keeps ahead of its next retry; a row whose lease ran out belonged to an
/// instance that stopped or was scaled in, and <see cref="WebhookRedelivery"/> queues it again. Delivery is therefore
/// at least once: a receiver can tell a repeat by <c>alert_id</c> and <c>kind</c>. A row never holds a secret: it names
/// a run-time channel by id, and a configured one by its kind and a hash of its URL, and the redelivery looks the
/// channel up again (a row whose channel is gone is dropped).
/// </summary>
public sealed class WebhookOutbox(TableStore store, TimeProvider time)
{
    /// <summary>Time beyond a request's timeout before a delivery's lease runs out.</summary>
    public static readonly TimeSpan LeaseMargin = TimeSpan.FromMinutes(1);

    private const string Partition = "pending";

    /// <summary>How long to lease a delivery whose next attempt starts after <paramref name="wait"/>: the wait, one request, and the margin.</summary>
    public static TimeSpan LeaseFor(WebhookOptions options, TimeSpan wait = default) => wait + TimeSpan.FromSeconds(options.TimeoutSeconds) + LeaseMargin;

    /// <summary>Records a delivery leased until <paramref name="leaseFor"/> from now; returns its id.</summary>
    public async Task<string> AddAsync(WebhookDelivery delivery, TimeSpan leaseFor, CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableNames.Webhooks, cancellationToken);
        var channel = delivery.Channel;
        var id = $"{delivery.Alert.AlertId}-{delivery.Alert.Kind}-{ChannelKey(channel)}";
        var now = time.GetUtcNow();
        var row = new TableEntity(Partition, id)
        {
            ["alert"] = JsonSerializer.Serialize(delivery.Alert, WebhookJsonContext.Default.AlertEvent),
            ["channel_kind"] = channel.Kind,
            ["created_at"] = now,
            ["lease_until"] = now + leaseFor,
        };
        if (channel.IsConfigured)
        {
            row["url_hash"] = UrlHash(channel.Url!);
        }
        else
        {
            row["channel_id"] = channel.Id;
        }

        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
        return id;
    }

    /// <summary>Keeps a delivery's lease ahead of its next retry, so no other instance takes it meanwhile.</summary>
    public async Task ExtendAsync(string id, TimeSpan leaseFor, CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableNames.Webhooks, cancellationToken);
        await table.UpdateEntityAsync(new TableEntity(Partition, id) { ["lease_until"] = time.GetUtcNow() + leaseFor }, ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    /// <summary>Ends a delivery's record.</summary>
    public async Task CompleteAsync(string id, CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableNames.Webhooks, cancellationToken);
        using var _ = await table.DeleteEntityAsync(Partition, id, ETag.All, cancellationToken);
    }

    /// <summary>
    /// Takes every delivery whose lease ran out, leasing it anew for <paramref name="leaseFor"/> (a row another
    /// instance took first is skipped). A row whose channel is not among <paramref name="channels"/> any more (deleted,
    /// or its URL removed from the settings) is deleted, not returned.
    /// </summary>
    public async Task<IReadOnlyList<WebhookDelivery>> ClaimExpiredAsync(IReadOnlyList<ChannelRecord> channels, TimeSpan leaseFor, CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableNames.Webhooks, cancellationToken);
        var now = time.GetUtcNow();
        var byKey = channels.ToDictionary(ChannelKey, StringComparer.Ordinal);
        var claimed = new List<WebhookDelivery>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and lease_until lt {now}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (ChannelKeyOf(row) is not { } key || !byKey.TryGetValue(key, out var channel)
                || JsonSerializer.Deserialize(row.GetString("alert") ?? "null", WebhookJsonContext.Default.AlertEvent) is not AlertEvent alert)
            {
                try
                {
                    using var _ = await table.DeleteEntityAsync(Partition, row.RowKey, row.ETag, cancellationToken);
                }
                catch (RequestFailedException ex) when (ex.Status is 412 or 404)
                {
                    // another instance took it meanwhile
                }

                continue;
            }

            try
            {
                await table.UpdateEntityAsync(new TableEntity(Partition, row.RowKey) { ["lease_until"] = now + leaseFor }, row.ETag, TableUpdateMode.Merge, cancellationToken);
                claimed.Add(new WebhookDelivery(channel, alert) { OutboxId = row.RowKey });
            }
            catch (RequestFailedException ex) when (ex.Status is 412 or 404)
            {
                // another instance took it, or it finished meanwhile
            }
        }

        return claimed;
    }

    /// <summary>How a row names its channel: the id of a run-time one; kind and URL hash of a configured one, whose id is only its position in a setting.</summary>
    private static string ChannelKey(ChannelRecord channel) => channel.IsConfigured ? $"{channel.Kind}-{UrlHash(channel.Url!)}" : channel.Id;

    private static string? ChannelKeyOf(TableEntity row)
    {
        if (row.GetString("channel_id") is { Length: > 0 } id)
        {
            return id;
        }

        // Rows written before channels named their receiver by format (Generic, Slack, Teams) and URL hash.
        var kind = row.GetString("channel_kind") ?? row.GetString("format") switch
        {
            "Generic" => ChannelKinds.Webhook,
            "Slack" => ChannelKinds.Slack,
            "Teams" => ChannelKinds.Teams,
            _ => null,
        };
        return kind is not null && row.GetString("url_hash") is { Length: > 0 } hash ? $"{kind}-{hash}" : null;
    }

    private static string UrlHash(string url) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(url)))[..16];
}
