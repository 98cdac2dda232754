using System.Text.Json;

namespace InfraFunctions.Core.Tags;

/// <summary>Host tags in the <c>tags</c> table: one row per host (partition <c>host</c>), one JSON column per <see cref="TagSource"/>.</summary>
public sealed class HostTagRepository(TableStore store)
{
    private const string Partition = "host";

    public async Task<HostTags> GetAsync(string hostId, CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableNames.Tags, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, TableKeys.EncodeHostId(hostId), cancellationToken: cancellationToken);
        return row.HasValue ? ToTags(row.Value!) : HostTags.None;
    }

    /// <summary>Every tagged host's tags, by host id.</summary>
    public async Task<IReadOnlyDictionary<string, HostTags>> ListAsync(CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableNames.Tags, cancellationToken);
        var all = new Dictionary<string, HostTags>(StringComparer.Ordinal);
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken))
        {
            all[TableKeys.DecodeHostId(e.RowKey)] = ToTags(e);
        }

        return all;
    }

    /// <summary>
    /// The tags of the hosts from <paramref name="first"/> to <paramref name="last"/> (host ids, both included) in table
    /// order, by host id: those of one page of the fleet, which is in the same order, read with one range query.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, HostTags>> ListRangeAsync(string first, string last, CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableNames.Tags, cancellationToken);
        var (from, to) = (TableKeys.EncodeHostId(first), TableKeys.EncodeHostId(last));
        var found = new Dictionary<string, HostTags>(StringComparer.Ordinal);
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {from} and RowKey le {to}"), cancellationToken: cancellationToken))
        {
            found[TableKeys.DecodeHostId(e.RowKey)] = ToTags(e);
        }

        return found;
    }

    /// <summary>Replaces the tags one source gave the host; the other sources' tags stay.</summary>
    public async Task SetAsync(string hostId, TagSource source, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableNames.Tags, cancellationToken);
        var entity = new TableEntity(Partition, TableKeys.EncodeHostId(hostId))
        {
            ["host_id"] = hostId,
            [Column(source)] = JsonSerializer.Serialize(new SortedDictionary<string, string>(tags.ToDictionary(), StringComparer.Ordinal), TagsJsonContext.Default.SortedDictionaryStringString),
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken);
    }

    private static HostTags ToTags(TableEntity e) => new(Read(e, TagSource.Agent), Read(e, TagSource.Enrollment), Read(e, TagSource.Operator));

    private static IReadOnlyDictionary<string, string> Read(TableEntity e, TagSource source) =>
        e.GetString(Column(source)) is { Length: > 0 } json
            ? JsonSerializer.Deserialize(json, TagsJsonContext.Default.SortedDictionaryStringString) ?? []
            : new SortedDictionary<string, string>();

    private static string Column(TagSource source) => source switch
    {
        TagSource.Agent => "agent",
        TagSource.Enrollment => "enrollment",
        _ => "operator",
    };
}
