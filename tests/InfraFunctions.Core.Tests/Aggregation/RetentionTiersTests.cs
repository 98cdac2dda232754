using Azure.Data.Tables;
using InfraFunctions.Core.Aggregation;
using InfraFunctions.Core.Retention;
using InfraFunctions.Core.Storage;
using InfraFunctions.Testing;

namespace InfraFunctions.Core.Tests.Aggregation;

// A private Azurite: retention deletes tables account-wide.
public sealed class RetentionTiersTests() : PrivateStoreTests(Now.AddDays(-121))
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 2, 30, 0, TimeSpan.Zero);

    /// <summary>Ingests samples at 01:00-01:59 of the day <paramref name="daysAgo"/> and rolls that hour up, as the app did then.</summary>
    private async Task DayOfDataAsync(int daysAgo, int samples)
    {
        var day = new DateTimeOffset(Now.UtcDateTime.Date, TimeSpan.Zero).AddDays(-daysAgo);
        Harness.Time.SetUtcNow(day.AddHours(2));
        await Harness.IngestAsync("ret-1", Samples.Times(day.AddHours(1).AddMinutes(59), samples, TimeSpan.FromMinutes(1)));
        Harness.Time.SetUtcNow(day.AddHours(2).AddMinutes(5));
        await Harness.Get<AggregationService>().RunHourlyAsync();
    }

    [Fact]
    public async Task RetentionDropsExactlyTheExpiredTablesOfEveryTierAndReportsTheirEntitiesFromCounters()
    {
        await DayOfDataAsync(120, 7);
        foreach (var (daysAgo, count) in new[] { (31, 11), (30, 13), (29, 17) })
        {
            await DayOfDataAsync(daysAgo, count);
        }

        var service = new TableServiceClient(Azurite.ConnectionString);
        await service.CreateTableIfNotExistsAsync("daily2024");
        await service.CreateTableIfNotExistsAsync("daily2025");
        Harness.Time.SetUtcNow(Now);

        var report = await Harness.Get<RetentionService>().RunAsync();

        string Raw(int daysAgo) => TableKeys.SamplesTable(Now.AddDays(-daysAgo));
        var dropped = report.Dropped.ToDictionary(d => d.Table, d => d.Entities);
        // Raw 30 d: day 31 is past the policy; day 30 still holds rows newer than now - 30 d; day 29 is kept.
        Assert.Equal(11, dropped[Raw(31)]);
        Assert.Equal(7, dropped[Raw(120)]);
        Assert.DoesNotContain(Raw(30), dropped.Keys);
        Assert.DoesNotContain(Raw(29), dropped.Keys);
        // Hourly 90 d: July's month table ended before now - 90 d (one rolled-up hour); October's is kept.
        Assert.Equal(1, dropped["hourly202607"]);
        Assert.Contains("hourly202610", report.KeptTables);
        // Daily 365 d: 2024 ended before now - 365 d; 2025 ended after it.
        Assert.Equal(0, dropped["daily2024"]);
        Assert.Contains("daily2025", report.KeptTables);
        Assert.Equal(4, report.Dropped.Count);

        var left = service.Query().Select(t => t.Name).ToHashSet();
        Assert.DoesNotContain(Raw(31), left);
        Assert.Contains(Raw(30), left);
        Assert.Contains(Raw(29), left);
        Assert.DoesNotContain("hourly202607", left);
        Assert.Equal(0, await Harness.Get<TableStats>().CountAsync(Raw(31)));
        Assert.Equal(13, await Harness.Get<TableStats>().CountAsync(Raw(30)));
    }

    [Fact]
    public void APolicyShorterThanOneDayIsRefusedAtStart()
    {
        var core = CoreHarness.Create(Azurite.ConnectionString, Now, new Dictionary<string, string?> { ["Retention:HourlyDays"] = "0" });

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => core.Get<Microsoft.Extensions.Options.IOptions<Options.RetentionOptions>>().Value);

        Assert.Contains("HourlyDays", error.Message, StringComparison.Ordinal);
    }
}
