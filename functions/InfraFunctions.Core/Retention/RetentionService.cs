using Azure.Data.Tables;
using InfraFunctions.Core.Options;
using InfraFunctions.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InfraFunctions.Core.Retention;

/// <summary>What a retention run dropped.</summary>
public sealed record RetentionReport(DateTimeOffset RanAt, IReadOnlyList<string> DroppedTables, IReadOnlyList<string> KeptTables);

/// <summary>
/// Drops whole period tables older than the policy, so retention costs O(tables), never O(rows).
/// The current period is never dropped.
/// </summary>
public sealed class RetentionService(TableStore store, TimeProvider time, IOptions<RetentionOptions> options, ILogger<RetentionService> logger)
{
    public async Task<RetentionReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var rawDays = options.Value.RawDays;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        // A day table is expired when all of its day lies before now - RawDays.
        var cutoff = DateOnly.FromDateTime(now.AddDays(-rawDays).UtcDateTime);
        var dropped = new List<string>();
        var kept = new List<string>();
        var filter = TableClient.CreateQueryFilter($"TableName ge {TableKeys.SamplesTablePrefix} and TableName lt {TableKeys.SamplesTablePrefix + "~"}");
        await foreach (var table in store.Service.QueryAsync(filter, cancellationToken: cancellationToken))
        {
            if (TableKeys.SamplesTableDay(table.Name) is not { } day)
            {
                continue;
            }

            if (day < cutoff && day < today)
            {
                await store.Service.DeleteTableAsync(table.Name, cancellationToken);
                store.Forget(table.Name);
                dropped.Add(table.Name);
                logger.LogInformation("Retention dropped table {Table} (older than {RawDays} days)", table.Name, rawDays);
            }
            else
            {
                kept.Add(table.Name);
            }
        }

        return new RetentionReport(now, dropped, kept);
    }
}
