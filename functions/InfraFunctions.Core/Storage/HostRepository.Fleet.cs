namespace InfraFunctions.Core.Storage;

/// <summary>The fleet list: every host's summary columns (no sample JSON), whole or a page at a time.</summary>
public sealed partial class HostRepository
{
    /// <summary>The most rows one page of the fleet holds: what one Table Storage query page returns.</summary>
    public const int MaxPageSize = 1000;

    public async Task<IReadOnlyList<HostSummaryRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        var table = await store.GetTableAsync(TableNames.Hosts, cancellationToken);
        var rows = new List<HostSummaryRow>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        await foreach (var e in table.QueryAsync<TableEntity>(filter, maxPerPage: MaxPageSize, select: SummaryColumns, cancellationToken: cancellationToken))
        {
            rows.Add(Summary(e));
        }

        return rows;
    }

    /// <summary>
    /// At most <paramref name="limit"/> hosts in table order, starting after <paramref name="after"/> (a host id; the
    /// start when null). The query asks the table for that many rows and reads no further than the page needs, so a
    /// page costs the same whatever the size of the fleet.
    /// </summary>
    public async Task<HostSummaryPage> ListPageAsync(int limit, string? after, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxPageSize);
        var table = await store.GetTableAsync(TableNames.Hosts, cancellationToken);
        var filter = after is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {Partition}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey gt {TableKeys.EncodeHostId(after)}");
        var rows = new List<HostSummaryRow>(limit);
        string? lastKey = null;
        var more = false;
        await foreach (var page in table.QueryAsync<TableEntity>(filter, maxPerPage: limit, select: SummaryColumns, cancellationToken: cancellationToken).AsPages(pageSizeHint: limit))
        {
            // The service may return a short (even empty) page with a continuation; the next one tops this page up.
            foreach (var e in page.Values)
            {
                if (rows.Count == limit)
                {
                    more = true;
                    break;
                }

                rows.Add(Summary(e));
                lastKey = e.RowKey;
            }

            if (rows.Count == limit || page.ContinuationToken is null)
            {
                more |= page.ContinuationToken is not null;
                break;
            }
        }

        return new HostSummaryPage(rows, more && lastKey is not null ? TableKeys.DecodeHostId(lastKey) : null);
    }

    private static HostSummaryRow Summary(TableEntity e) => new(
        e.GetString("host_id") ?? TableKeys.DecodeHostId(e.RowKey),
        e.GetString("hostname") ?? string.Empty,
        e.GetString("os") ?? string.Empty,
        e.GetDateTimeOffset("first_seen") ?? default,
        e.GetDateTimeOffset("last_seen") ?? default,
        e.GetDateTimeOffset("latest_ts") ?? default,
        e.GetInt32("interval") ?? 30,
        e.GetDouble("cpu") ?? 0,
        e.GetDouble("mem") ?? 0,
        e.GetDouble("disk") ?? 0,
        AgentVersion(e));

    private static string AgentVersion(TableEntity e)
    {
        try
        {
            return e.GetString("platform") is { Length: > 0 } json
                ? JsonSerializer.Deserialize(json, ContractsJsonContext.Default.PlatformInfo)?.AgentVersion ?? string.Empty
                : string.Empty;
        }
        catch (JsonException)
        {
            // One unreadable platform must not hide the fleet; the host is listed without a version.
            return string.Empty;
        }
    }
}
