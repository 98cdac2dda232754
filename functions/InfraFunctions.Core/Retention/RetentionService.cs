using InfraFunctions.Core.Aggregation;
using InfraFunctions.Core.Telemetry;

namespace InfraFunctions.Core.Retention;

/// <summary>
/// Drops whole period tables (raw days, hourly months, daily years) whose whole period lies before now minus the
/// tier's policy, so retention costs O(tables), never O(rows). The current period is never dropped.
/// </summary>
public sealed class RetentionService(TableStore store, TableStats stats, TimeProvider time, IOptions<RetentionOptions> options, ILogger<RetentionService> logger)
{
    public Task<RetentionReport> RunAsync(CancellationToken cancellationToken = default) =>
        InfraTelemetry.InSpanAsync(InfraTelemetry.RetentionRun, async span =>
        {
            var report = await RunTiersAsync(cancellationToken);
            span?.SetTag("infra.retention.dropped", report.Dropped.Count);
            span?.SetTag("infra.retention.kept", report.KeptTables.Count);
            return report;
        });

    private async Task<RetentionReport> RunTiersAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var policy = options.Value;
        var dropped = new List<DroppedTable>();
        var kept = new List<string>();
        (string Tier, int Days, Func<string, (DateTimeOffset Start, DateTimeOffset End)?> Period)[] tiers =
        [
            ("raw", policy.RawDays, RawPeriod),
            (RollupTier.Hourly.Name, policy.HourlyDays, RollupTier.Hourly.TablePeriod),
            (RollupTier.Daily.Name, policy.DailyDays, RollupTier.Daily.TablePeriod),
        ];
        foreach (var (tier, days, period) in tiers)
        {
            var cutoff = now.AddDays(-days);
            foreach (var name in await store.ListNamesAsync(tier == "raw" ? TableKeys.SamplesTablePrefix : tier, cancellationToken))
            {
                if (period(name) is not { } p)
                {
                    continue;
                }

                // Expired only when every row it can hold is older than the cutoff; the current period never is.
                if (p.End <= cutoff && p.End <= now)
                {
                    var entities = await DropAsync(name, tier, cancellationToken);
                    dropped.Add(new DroppedTable(name, tier, p.End, entities));
                    logger.LogInformation("Retention dropped table {Table} ({Tier}, older than {Days} days) holding {Entities} entities", name, tier, days, entities);
                }
                else
                {
                    kept.Add(name);
                }
            }
        }

        return new RetentionReport(now, dropped, kept);
    }

    private Task<long> DropAsync(string name, string tier, CancellationToken cancellationToken) =>
        InfraTelemetry.InSpanAsync(InfraTelemetry.RetentionDropTable, async span =>
        {
            span?.SetTag("infra.table", name);
            span?.SetTag("infra.retention.tier", tier);
            var entities = await stats.CountAsync(name, cancellationToken);
            await store.Service.DeleteTableAsync(name, cancellationToken);
            store.Forget(name);
            await stats.ForgetAsync(name, cancellationToken);
            span?.SetTag("infra.table.entities", entities);
            return entities;
        });

    private static (DateTimeOffset Start, DateTimeOffset End)? RawPeriod(string name) =>
        TableKeys.SamplesTableDay(name) is { } day
            ? (new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))
            : null;
}
