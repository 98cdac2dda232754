using InfraFunctions.Core.Aggregation;
using InfraFunctions.Testing;

namespace InfraFunctions.Core.Tests.Aggregation;

public sealed class TieredSummaryTests() : PrivateStoreTests(Start)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The24HourAnd30DaySummariesReadRollupRowsNotRawRows()
    {
        // Three days of samples every 2 minutes (2,160 raw rows), rolled up hourly as the timer would.
        var step = TimeSpan.FromMinutes(2);
        for (var d = 0; d < 3; d++)
        {
            var end = Start.AddDays(d + 1);
            Harness.Time.SetUtcNow(end);
            await Harness.IngestAsync("sum-1", Samples.Times(end - step, 720, step), i => 20 + (i % 50));
        }

        Harness.Time.SetUtcNow(Start.AddDays(3).AddMinutes(40));
        await Harness.IngestAsync("sum-1", Samples.Times(Start.AddDays(3).AddMinutes(38), 20, step), i => 90);
        await Harness.Get<AggregationService>().RunHourlyAsync();
        var reader = Harness.Get<TieredSummaryReader>();
        var now = Harness.Time.GetUtcNow();

        var day = await reader.ReadAsync("sum-1", now - TimeSpan.FromHours(24), now);
        var month = await reader.ReadAsync("sum-1", now - TimeSpan.FromDays(30), now);

        // Only the 40 minutes after the last rolled-up hour come from raw rows.
        Assert.Equal("hourly", day.Resolution);
        Assert.InRange(day.RollupRowsRead, 24, 25);
        Assert.Equal(20, day.RawRowsRead);
        Assert.Equal(72, month.RollupRowsRead);
        Assert.Equal(20, month.RawRowsRead);
        Assert.Equal(2180, month.SampleCount);

        // The weighted average over rollups equals the average over every raw sample.
        var expected = (Enumerable.Range(0, 2160).Sum(i => 20.0 + (i % 720 % 50)) + (20 * 90.0)) / 2180;
        Assert.Equal(Math.Round(expected, 2), month.Stats()["cpu_percent"].Avg);
        Assert.Equal(90, month.Stats()["cpu_percent"].Max);
        Assert.InRange(month.Series().Count, 1, TimeWindows.MaxPoints);
    }

    [Fact]
    public async Task WindowsBeyondNinetyDaysReadDailyRollups()
    {
        Harness.Time.SetUtcNow(Start.AddHours(1));
        await Harness.IngestAsync("year-1", Samples.Times(Start.AddMinutes(50), 10, TimeSpan.FromMinutes(5)));
        Harness.Time.SetUtcNow(Start.AddDays(1).AddMinutes(20));
        await Harness.Get<AggregationService>().RunHourlyAsync();
        await Harness.Get<AggregationService>().RunDailyAsync();
        var now = Harness.Time.GetUtcNow();

        var year = await Harness.Get<TieredSummaryReader>().ReadAsync("year-1", now - TimeSpan.FromDays(365), now);

        Assert.Equal("daily", year.Resolution);
        Assert.Equal(1, year.RollupRowsRead);
        Assert.Equal(0, year.RawRowsRead);
        Assert.Equal(10, year.SampleCount);
        Assert.True(TimeWindows.Summary.TryParse("365d", out _, out _));
        Assert.True(TimeWindows.Summary.TryParse("90d", out _, out _));
        Assert.True(TimeWindows.Summary.TryParse("7d", out _, out _));
    }
}
