using InfraFunctions.Core.Options;
using InfraFunctions.Core.Retention;
using InfraFunctions.Core.Storage;
using InfraFunctions.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace InfraFunctions.Core.Tests;

// A private Azurite: retention deletes tables account-wide, which must not touch other test classes' data.
public sealed class RetentionServiceTests
{
    [Fact]
    public async Task RetentionDropsWholeDayTablesOlderThanPolicy()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        var service = new Azure.Data.Tables.TableServiceClient(azurite.ConnectionString);
        var now = new DateTimeOffset(2026, 11, 27, 2, 30, 0, TimeSpan.Zero);
        string Day(int daysAgo) => TableKeys.SamplesTable(now.AddDays(-daysAgo));
        foreach (var daysAgo in new[] { 0, 1, 29, 30, 31, 45 })
        {
            await service.CreateTableIfNotExistsAsync(Day(daysAgo));
        }

        await service.CreateTableIfNotExistsAsync(TableNames.Hosts);
        var store = new TableStore(service);
        var retention = new RetentionService(store, new InfraFunctions.Core.Aggregation.TableStats(store), new FakeTimeProvider(now), Microsoft.Extensions.Options.Options.Create(new RetentionOptions { RawDays = 30 }), NullLogger<RetentionService>.Instance);

        var report = await retention.RunAsync();

        // Day 30 still holds samples newer than now - 30 d (its last 21.5 hours), so only days 31 and older go.
        Assert.Equal(new[] { Day(45), Day(31) }.Order(StringComparer.Ordinal), report.DroppedTables.Order(StringComparer.Ordinal));
        var left = service.Query().Select(t => t.Name).ToHashSet();
        Assert.Contains(Day(0), left);
        Assert.Contains(Day(29), left);
        Assert.Contains(Day(30), left);
        Assert.Contains(TableNames.Hosts, left);
        Assert.DoesNotContain(Day(31), left);
        Assert.DoesNotContain(Day(45), left);
    }

    [Fact]
    public async Task RetentionNeverDropsTodayEvenWithTheShortestPolicy()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        var service = new Azure.Data.Tables.TableServiceClient(azurite.ConnectionString);
        var now = new DateTimeOffset(2026, 11, 27, 23, 59, 0, TimeSpan.Zero);
        await service.CreateTableIfNotExistsAsync(TableKeys.SamplesTable(now));
        await service.CreateTableIfNotExistsAsync(TableKeys.SamplesTable(now.AddDays(-1)));
        var store = new TableStore(service);
        var retention = new RetentionService(store, new InfraFunctions.Core.Aggregation.TableStats(store), new FakeTimeProvider(now), Microsoft.Extensions.Options.Options.Create(new RetentionOptions { RawDays = 1 }), NullLogger<RetentionService>.Instance);

        var report = await retention.RunAsync();

        Assert.Empty(report.DroppedTables);
        Assert.Contains(TableKeys.SamplesTable(now), report.KeptTables);
    }
}
