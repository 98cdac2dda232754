using InfraFunctions.Core.Aggregation;

namespace InfraFunctions.Core.Retention;

/// <summary>
/// Drops whole period tables (raw days, hourly months, daily years) whose whole period lies before now minus the
/// tier's policy, so retention costs O(tables), never O(rows). The current period is never dropped.
/// </summary>
public sealed class RetentionService(TableStore store, TableStats stats, TimeProvider time, IOptions<RetentionOptions> options, ILogger<RetentionService> logger)
{
    public async Task<RetentionReport> RunAsync(CancellationToken cancellationToken = default)
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
                    var entities = await stats.CountAsync(name, cancellationToken);
                    await store.Service.DeleteTableAsync(name, cancellationToken);
                    store.Forget(name);
                    await stats.ForgetAsync(name, cancellationToken);
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

    private static (DateTimeOffset Start, DateTimeOffset End)? RawPeriod(string name) =>
        TableKeys.SamplesTableDay(name) is { } day
            ? (new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))
            : null;
}
