using InfraFunctions.Core.Aggregation;
using InfraFunctions.Core.Api;
using InfraFunctions.Testing;

namespace InfraFunctions.Core.Tests.Aggregation;

public sealed class TieredSummaryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);
    private AzuriteServer _azurite = null!;
    private CoreHarness _core = null!;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteServer.StartAsync();
        _core = CoreHarness.Create(_azurite.ConnectionString, Start);
    }

    public async Task DisposeAsync()
    {
        await _core.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task The24HourAnd30DaySummariesReadRollupRowsNotRawRows()
    {
        // Three days of samples every 2 minutes (2,160 raw rows), rolled up hourly as the timer would.
        var step = TimeSpan.FromMinutes(2);
        for (var d = 0; d < 3; d++)
        {
            var end = Start.AddDays(d + 1);
            _core.Time.SetUtcNow(end);
            await _core.IngestAsync("sum-1", Samples.Times(end - step, 720, step), i => 20 + (i % 50));
        }

        _core.Time.SetUtcNow(Start.AddDays(3).AddMinutes(40));
        await _core.IngestAsync("sum-1", Samples.Times(Start.AddDays(3).AddMinutes(38), 20, step), i => 90);
        await _core.Get<AggregationService>().RunHourlyAsync();
        var reader = _core.Get<TieredSummaryReader>();
        var now = _core.Time.GetUtcNow();

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
        Assert.InRange(month.Series().Count, 1, SummaryWindows.MaxPoints);
    }

    [Fact]
    public async Task WindowsBeyondNinetyDaysReadDailyRollups()
    {
        _core.Time.SetUtcNow(Start.AddHours(1));
        await _core.IngestAsync("year-1", Samples.Times(Start.AddMinutes(50), 10, TimeSpan.FromMinutes(5)));
        _core.Time.SetUtcNow(Start.AddDays(1).AddMinutes(20));
        await _core.Get<AggregationService>().RunHourlyAsync();
        await _core.Get<AggregationService>().RunDailyAsync();
        var now = _core.Time.GetUtcNow();

        var year = await _core.Get<TieredSummaryReader>().ReadAsync("year-1", now - TimeSpan.FromDays(365), now);

        Assert.Equal("daily", year.Resolution);
        Assert.Equal(1, year.RollupRowsRead);
        Assert.Equal(0, year.RawRowsRead);
        Assert.Equal(10, year.SampleCount);
        Assert.True(SummaryWindows.TryParse("365d", out _));
        Assert.True(SummaryWindows.TryParse("90d", out _));
        Assert.True(SummaryWindows.TryParse("7d", out _));
    }
}
