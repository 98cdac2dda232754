using System.Security.Cryptography;
using System.Text;
using InfraFunctions.Core.Alerts;

namespace InfraFunctions.Core.Webhooks;

/// <summary>
/// The durable record of every webhook delivery not yet finished, in the <c>webhooks</c> table: written before the
/// in-memory queue gets the delivery, deleted when it ends (delivered, refused, or out of attempts). Each row carries
/// a lease that the delivering instance keeps ahead of its next retry; a row whose lease ran out belonged to an
/// instance that stopped or was scaled in, and <see cref="WebhookRedelivery"/> queues it again. Delivery is therefore
/// at least once: a receiver can tell a repeat by <c>alert_id</c> and <c>kind</c>. Receiver URLs are secrets (Slack,
/// Teams) and are not stored: a row names its receiver by a hash, matched against the configured URLs.
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
        var urlHash = UrlHash(delivery.Url);
        var id = $"{delivery.Alert.AlertId}-{delivery.Alert.Kind}-{delivery.Format}-{urlHash}";
        var now = time.GetUtcNow();
        await table.UpsertEntityAsync(
            new TableEntity(Partition, id)
            {
                ["alert"] = JsonSerializer.Serialize(delivery.Alert, WebhookJsonContext.Default.AlertEvent),
                ["format"] = delivery.Format.ToString(),
                ["url_hash"] = urlHash,
                ["created_at"] = now,
                ["lease_until"] = now + leaseFor,
            },
            TableUpdateMode.Replace,
            cancellationToken);
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
    /// instance took first is skipped). A row whose receiver is no longer configured is deleted, not returned.
    /// </summary>
    public async Task<IReadOnlyList<WebhookDelivery>> ClaimExpiredAsync(IReadOnlyList<(Uri Url, WebhookFormat Format)> receivers, TimeSpan leaseFor, CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableNames.Webhooks, cancellationToken);
        var now = time.GetUtcNow();
        var byHash = receivers.ToDictionary(r => (UrlHash(r.Url), r.Format.ToString()), r => r.Url);
        var claimed = new List<WebhookDelivery>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and lease_until lt {now}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (!byHash.TryGetValue((row.GetString("url_hash") ?? string.Empty, row.GetString("format") ?? string.Empty), out var url)
                || !Enum.TryParse<WebhookFormat>(row.GetString("format"), out var format)
                || JsonSerializer.Deserialize(row.GetString("alert") ?? "null", WebhookJsonContext.Default.AlertEvent) is not AlertEvent alert)
            {
                try
                {
                    using var _ = await table.DeleteEntityAsync(Partition, row.RowKey, row.ETag, cancellationToken);
                }
                catch (RequestFailedException ex) when (ex.Status == 412)
                {
                    // another instance took it meanwhile
                }

                continue;
            }

            try
            {
                await table.UpdateEntityAsync(new TableEntity(Partition, row.RowKey) { ["lease_until"] = now + leaseFor }, row.ETag, TableUpdateMode.Merge, cancellationToken);
                claimed.Add(new WebhookDelivery(url, format, alert) { OutboxId = row.RowKey });
            }
            catch (RequestFailedException ex) when (ex.Status is 412 or 404)
            {
                // another instance took it, or it finished meanwhile
            }
        }

        return claimed;
    }

    private static string UrlHash(Uri url) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(url.AbsoluteUri)))[..16];
}
