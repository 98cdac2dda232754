using InfraFunctions.Core.Aggregation;
using InfraFunctions.Core.Storage;

namespace InfraFunctions.Core.Tests;

public sealed class SummaryBuilderTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);

    private static List<SampleRow> Rows(int count) =>
        Enumerable.Range(0, count).Select(i => new SampleRow(Start.AddSeconds(5 * i), i % 100, 50, 20, 0, 1, 10, 20, 80)).ToList();

    [Fact]
    public void StatsAreAverageMinimumMaximumAndLast()
    {
        var stats = SummaryBuilder.Stats(Rows(4));

        Assert.Equal(new MetricStats(1.5, 0, 3, 3), stats["cpu_percent"]);
        Assert.Equal(new MetricStats(50, 50, 50, 50), stats["memory_percent"]);
    }

    [Fact]
    public void ADayOfFiveSecondSamplesIsThinnedToAtMostFiveHundredPoints()
    {
        var rows = Rows(17_280);

        var series = SummaryBuilder.Series(rows);

        Assert.InRange(series.Count, 400, 500);
        Assert.Equal(Start, series[0].Timestamp);
        Assert.Equal(rows.Average(r => r.CpuPercent), series.Average(p => p.CpuPercent), 0);
    }

    [Fact]
    public void ShortSeriesKeepEveryPoint()
    {
        Assert.Equal(60, SummaryBuilder.Series(Rows(60)).Count);
        Assert.Empty(SummaryBuilder.Stats([]));
    }
}
