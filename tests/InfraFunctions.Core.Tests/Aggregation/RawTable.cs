using Azure.Data.Tables;
using InfraFunctions.Core.Storage;

namespace InfraFunctions.Core.Tests.Aggregation;

/// <summary>Reads raw sample rows straight from their day table, independently of the code under test.</summary>
internal static class RawTable
{
    public static List<double> Values(TableServiceClient service, string hostId, DateTimeOffset from, DateTimeOffset to, string column)
    {
        var table = service.GetTableClient(TableKeys.SamplesTable(from));
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {hostId} and RowKey ge {TableKeys.TimeRowKey(from)} and RowKey lt {TableKeys.TimeRowKey(to)}");
        return table.Query<TableEntity>(filter).OrderBy(e => e.RowKey, StringComparer.Ordinal).Select(e => e.GetDouble(column)!.Value).ToList();
    }

    public static double NearestRankP95(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[(int)Math.Ceiling(sorted.Length * 95 / 100.0) - 1];
    }
}
