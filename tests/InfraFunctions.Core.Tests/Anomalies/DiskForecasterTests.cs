using InfraFunctions.Core.Anomalies;

namespace InfraFunctions.Core.Tests.Anomalies;

public sealed class DiskForecasterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private static List<MetricValue> Growing(double startPercent, double perDay) =>
        Enumerable.Range(0, 7 * 24).Select(h => new MetricValue(Now.AddDays(-7).AddHours(h), startPercent + (perDay * h / 24.0) + (h % 2 == 0 ? 0.2 : -0.2))).ToList();

    [Fact]
    public void ADiskGrowingTwoPointsADayFromSixtyIsFullInAboutThirteenDaysAndWarns()
    {
        var forecast = DiskForecaster.Forecast(Growing(60, 2), "/", Now)!;

        Assert.InRange(forecast.CurrentPercent, 73.5, 74.5);
        Assert.InRange(forecast.SlopePercentPerDay, 1.95, 2.05);
        Assert.InRange(forecast.DaysToFull!.Value, 12.5, 13.5);
        Assert.True(forecast.Warning);
        Assert.StartsWith("disk / full in 13", forecast.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASlowlyGrowingDiskIsProjectedButDoesNotWarn()
    {
        var forecast = DiskForecaster.Forecast(Growing(40, 0.5), "/", Now)!;

        Assert.True(forecast.DaysToFull > 14);
        Assert.False(forecast.Warning);
    }

    [Fact]
    public void AShrinkingDiskIsNotFillingAndTooLittleHistoryGivesNoForecast()
    {
        var shrinking = DiskForecaster.Forecast(Growing(80, -1), "/", Now)!;

        Assert.Null(shrinking.DaysToFull);
        Assert.False(shrinking.Warning);
        Assert.Equal("disk / is not filling", shrinking.Message);
        Assert.Null(DiskForecaster.Forecast(Growing(60, 2).Take(6).ToList(), "/", Now));
    }
}
