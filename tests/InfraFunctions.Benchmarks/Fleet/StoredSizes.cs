using Azure.Data.Tables;
using InfraFunctions.Core.Storage;

namespace InfraFunctions.Benchmarks.Fleet;

/// <summary>Stored sizes of the rows a run wrote, read back from Azurite and sized as Table Storage counts them.</summary>
public static class StoredSizes
{
    /// <summary>Mean stored bytes of the sample rows of the first hosts, now and in the earlier row shape, and of a hosts row.</summary>
    public static async Task<(double Sample, double Previous, double HostRow)> SamplesAsync(string connectionString, FleetAgents agents)
    {
        var service = new TableServiceClient(connectionString);
        long rows = 0, bytes = 0, previous = 0;
        await foreach (var table in service.QueryAsync(t => t.Name.CompareTo(TableKeys.SamplesTablePrefix) >= 0))
        {
            if (!table.Name.StartsWith(TableKeys.SamplesTablePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            await foreach (var entity in service.GetTableClient(table.Name).QueryAsync<TableEntity>(maxPerPage: 1000))
            {
                var host = TableKeys.DecodeHostId(entity.PartitionKey);
                var ticks = (entity.GetDateTimeOffset("ts") ?? TableKeys.FromTimeRowKey(entity.RowKey)).UtcTicks;
                if (!agents.PostedJson.TryGetValue((host, ticks), out var json))
                {
                    continue;
                }

                rows++;
                bytes += EntitySize.Stored(entity);
                previous += EntitySize.Stored(PreviousShape(entity, json));
            }
        }

        var hostsTable = service.GetTableClient(TableNames.Hosts);
        long hostBytes = 0, hosts = 0;
        await foreach (var entity in hostsTable.QueryAsync<TableEntity>(maxPerPage: 1000))
        {
            hostBytes += EntitySize.Stored(entity);
            hosts++;
        }

        return (bytes / (double)Math.Max(1, rows), previous / (double)Math.Max(1, rows), hostBytes / (double)Math.Max(1, hosts));
    }

    // Earlier releases kept the flat columns and the whole sample as a JSON string column.
    private static TableEntity PreviousShape(TableEntity stored, string postedJson)
    {
        var old = new TableEntity(stored.PartitionKey, stored.RowKey);
        foreach (var (name, value) in stored)
        {
            if (name is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag" || value is byte[] or BinaryData || name == "json")
            {
                continue;
            }

            old[name] = value;
        }

        old["json"] = postedJson;
        return old;
    }

    public static async Task<double> RollupRowAsync(string connectionString)
    {
        var service = new TableServiceClient(connectionString);
        long rows = 0, bytes = 0;
        await foreach (var table in service.QueryAsync())
        {
            if (!table.Name.StartsWith("hourly", StringComparison.Ordinal) && !table.Name.StartsWith("daily", StringComparison.Ordinal))
            {
                continue;
            }

            await foreach (var entity in service.GetTableClient(table.Name).QueryAsync<TableEntity>(maxPerPage: 1000))
            {
                rows++;
                bytes += EntitySize.Stored(entity);
            }
        }

        return bytes / (double)Math.Max(1, rows);
    }
}
