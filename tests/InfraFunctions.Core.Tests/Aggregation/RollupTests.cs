using Azure.Data.Tables;
using InfraFunctions.Core.Aggregation;
using InfraFunctions.Testing;

namespace InfraFunctions.Core.Tests.Aggregation;

// A private Azurite per test: the aggregation watermarks are account-wide.
public sealed class RollupTests() : PrivateStoreTests(Start)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);

    private static double Cpu(int i) => ((i * 37) % 100) + 0.5;

    private async Task IngestHoursAsync(string host, int hours, TimeSpan step)
    {
        var count = (int)(TimeSpan.FromHours(hours) / step);
        Harness.Time.SetUtcNow(Start.AddHours(hours));
        await Harness.IngestAsync(host, Samples.Times(Start.AddHours(hours) - step, count, step), Cpu);
    }

    [Fact]
    public async Task HourlyAndDailyRollupsMatchAverageMinimumMaximumAndP95ComputedFromTheRawRows()
    {
        await IngestHoursAsync("web-1", 3, TimeSpan.FromSeconds(30));
        var aggregation = Harness.Get<AggregationService>();
        var service = new TableServiceClient(Azurite.ConnectionString);

        Harness.Time.SetUtcNow(Start.AddHours(3).AddMinutes(5));
        var hourly = await aggregation.RunHourlyAsync();

        Assert.Equal(3, hourly.BucketsRolledUp);
        var rows = await Harness.Get<RollupRepository>().ReadAsync(RollupTier.Hourly, "web-1", Start, Start.AddHours(3));
        Assert.Equal(3, rows.Count);
        foreach (var row in rows)
        {
            var raw = RawTable.Values(service, "web-1", row.Start, row.Start.AddHours(1), "cpu");
            var cpu = row.Metrics["cpu"];
            Assert.Equal(120, raw.Count);
            Assert.Equal(raw.Count, cpu.Count);
            Assert.Equal(raw.Average(), cpu.Average, 9);
            Assert.Equal(raw.Min(), cpu.Min);
            Assert.Equal(raw.Max(), cpu.Max);
            Assert.Equal(raw[^1], cpu.Last);
            Assert.Equal(RawTable.NearestRankP95(raw), cpu.P95);
            Assert.Equal(raw.Count, row.Mounts["/"]["percent"].Count);
            Assert.Equal(RawTable.Values(service, "web-1", row.Start, row.Start.AddHours(1), "health").Average(), row.Metrics["health"].Average, 9);
        }

        Harness.Time.SetUtcNow(Start.AddDays(1).AddMinutes(15));
        var daily = await aggregation.RunDailyAsync();

        Assert.Equal(1, daily.BucketsRolledUp);
        var day = Assert.Single(await Harness.Get<RollupRepository>().ReadAsync(RollupTier.Daily, "web-1", Start, Start.AddDays(1)));
        var all = RawTable.Values(service, "web-1", Start, Start.AddDays(1), "cpu");
        Assert.Equal(360, day.Metrics["cpu"].Count);
        Assert.Equal(all.Average(), day.Metrics["cpu"].Average, 9);
        Assert.Equal(RawTable.NearestRankP95(all), day.Metrics["cpu"].P95);
        Assert.Equal("daily2026", RollupTier.Daily.Table(day.Start));
    }

    [Fact]
    public async Task AJobThatMissed26HoursCatchesUpEveryHourInOneRun()
    {
        Harness.Time.SetUtcNow(Start.AddMinutes(1));
        await Harness.IngestAsync("db-1", [Start.AddSeconds(10)]);
        Harness.Time.SetUtcNow(Start.AddHours(1).AddMinutes(5));
        Assert.Equal(1, (await Harness.Get<AggregationService>().RunHourlyAsync()).BucketsRolledUp);

        // The app is down for 26 hours while the agent keeps posting every 10 minutes.
        for (var t = Start.AddHours(1).AddMinutes(10); t < Start.AddHours(27); t += TimeSpan.FromMinutes(10))
        {
            Harness.Time.SetUtcNow(t.AddSeconds(30));
            await Harness.IngestAsync("db-1", [t.AddSeconds(10)]);
        }

        Harness.Time.SetUtcNow(Start.AddHours(27).AddMinutes(5));
        var report = await Harness.Get<AggregationService>().RunHourlyAsync();

        Assert.Equal(26, report.BucketsRolledUp);
        Assert.Equal(Start.AddHours(27), report.WatermarkAfter);
        var rows = await Harness.Get<RollupRepository>().ReadAsync(RollupTier.Hourly, "db-1", Start, Start.AddHours(27));
        Assert.Equal(27, rows.Count);
        Assert.Equal(5, rows[1].SampleCount);
        Assert.All(rows.Skip(2), r => Assert.Equal(6, r.SampleCount));
    }

    [Fact]
    public async Task RunningTheJobTwiceOrConcurrentlyWritesTheSameRows()
    {
        await IngestHoursAsync("app-1", 2, TimeSpan.FromMinutes(1));
        Harness.Time.SetUtcNow(Start.AddHours(2).AddMinutes(5));
        var aggregation = Harness.Get<AggregationService>();

        await Task.WhenAll(aggregation.RunHourlyAsync(), aggregation.RunHourlyAsync());
        var first = Snapshot("hourly202611");
        var again = await aggregation.RunHourlyAsync();

        Assert.Equal(0, again.BucketsRolledUp);
        Assert.Equal(2, first.Count);
        Assert.Equal(first, Snapshot("hourly202611"));
    }

    [Fact]
    public async Task ALateSampleRecomputesItsHourButOneOlderThanTheLookbackDoesNot()
    {
        await IngestHoursAsync("late-1", 2, TimeSpan.FromMinutes(1));
        Harness.Time.SetUtcNow(Start.AddHours(2).AddMinutes(5));
        var aggregation = Harness.Get<AggregationService>();
        await aggregation.RunHourlyAsync();

        // The agent was offline: a spooled sample for the first hour arrives after that hour was rolled up.
        await Harness.IngestAsync("late-1", [Start.AddMinutes(30).AddSeconds(1)], _ => 99.5);
        var report = await aggregation.RunHourlyAsync();

        Assert.Equal(1, report.LateBucketsRecomputed);
        var hour = (await Harness.Get<RollupRepository>().ReadAsync(RollupTier.Hourly, "late-1", Start, Start.AddHours(1))).Single();
        Assert.Equal(61, hour.Metrics["cpu"].Count);
        Assert.Equal(99.5, hour.Metrics["cpu"].Max);

        // 49 hours on, the same kind of sample is past the 48 h lookback: the hour stays as it is.
        Harness.Time.SetUtcNow(Start.AddHours(49).AddMinutes(30));
        await Harness.IngestAsync("late-1", [Start.AddMinutes(30).AddSeconds(2)], _ => 100);
        var later = await aggregation.RunHourlyAsync();

        Assert.Equal(0, later.LateBucketsRecomputed);
        hour = (await Harness.Get<RollupRepository>().ReadAsync(RollupTier.Hourly, "late-1", Start, Start.AddHours(1))).Single();
        Assert.Equal(61, hour.Metrics["cpu"].Count);
    }

    private Dictionary<string, string> Snapshot(string tableName) =>
        new TableServiceClient(Azurite.ConnectionString).GetTableClient(tableName).Query<TableEntity>()
            .ToDictionary(
                e => e.PartitionKey + "/" + e.RowKey,
                e => string.Join(";", e.Where(p => p.Key is not ("Timestamp" or "odata.etag")).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")));
}
