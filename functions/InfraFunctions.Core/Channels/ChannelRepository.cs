using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace InfraFunctions.Core.Channels;

/// <summary>
/// Channels made through the API, in the <c>channels</c> table (partition <c>channel</c>, row key the id). The URL,
/// routing key and API key each have their own column, so nothing else carries them.
/// </summary>
public sealed partial class ChannelRepository(TableStore store)
{
    /// <summary>At most this many run-time channels.</summary>
    public const int MaxChannels = 200;

    private const string Partition = "channel";

    public static string NewId() => "ch-" + RandomNumberGenerator.GetHexString(12, lowercase: true);

    /// <summary>Whether an id has the shape of a run-time channel's; any other id is never looked up in the table.</summary>
    public static bool IsStoredId(string? id) => id is not null && StoredId().IsMatch(id);

    public async Task<IReadOnlyList<ChannelRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableNames.Channels, cancellationToken);
        var all = new List<ChannelRecord>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken))
        {
            all.Add(ToRecord(row));
        }

        return all;
    }

    public async Task<ChannelRecord?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!IsStoredId(id))
        {
            return null;
        }

        var table = await store.GetTableAsync(TableNames.Channels, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: cancellationToken);
        return row.HasValue ? ToRecord(row.Value!) : null;
    }

    /// <summary>Writes the whole channel, replacing any row of its id.</summary>
    public async Task SaveAsync(ChannelRecord channel, CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableNames.Channels, cancellationToken);
        await table.UpsertEntityAsync(
            new TableEntity(Partition, channel.Id)
            {
                ["name"] = channel.Name,
                ["kind"] = channel.Kind,
                ["is_default"] = channel.IsDefault,
                ["url"] = channel.Url,
                ["routing_key"] = channel.RoutingKey,
                ["api_key"] = channel.ApiKey,
                ["updated_at"] = channel.UpdatedAt,
                ["updated_by"] = channel.UpdatedBy,
            },
            TableUpdateMode.Replace,
            cancellationToken);
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!IsStoredId(id))
        {
            return false;
        }

        var table = await store.GetTableAsync(TableNames.Channels, cancellationToken);
        try
        {
            using var _ = await table.DeleteEntityAsync(Partition, id, ETag.All, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (TableStore.IsNotFound(ex))
        {
            return false;
        }
    }

    private static ChannelRecord ToRecord(TableEntity e) => new(
        e.RowKey,
        e.GetString("name") ?? e.RowKey,
        e.GetString("kind") ?? ChannelKinds.Webhook,
        e.GetBoolean("is_default") ?? false,
        ChannelRecord.FromApi,
        e.GetString("url"),
        e.GetString("routing_key"),
        e.GetString("api_key"),
        e.GetDateTimeOffset("updated_at"),
        e.GetString("updated_by"));

    [GeneratedRegex("^ch-[0-9a-f]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex StoredId();
}
