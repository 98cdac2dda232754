using InfraFunctions.Core.Alerts;

namespace InfraFunctions.Core.Tests.Alerts;

public sealed class AlertRuleTests
{
    private static readonly DateTimeOffset T0 = StepSeries.T0;

    private static List<(int Second, AlertTransition Transition)> Run(IEnumerable<(int Second, double Value)> series) =>
        StepSeries.Run(series, (track, at, value) => AlertRule.Step(track, at, value, 90, 5, TimeSpan.FromSeconds(60)));

    [Fact]
    public void AValueOscillatingAroundTheThresholdFasterThanTheDurationNeverRaises()
    {
        var series = Enumerable.Range(0, 120).Select(i => (i * 5, i / 6 % 2 == 0 ? 92.0 : 88.0));

        Assert.Empty(Run(series));
    }

    [Fact]
    public void AnOpenAlertStaysOpenWhileTheValueOscillatesWithinTheHysteresisBand()
    {
        var series = Enumerable.Range(0, 13).Select(i => (i * 5, 95.0))
            .Concat(Enumerable.Range(13, 200).Select(i => (i * 5, i % 2 == 0 ? 86.0 : 91.0)));

        Assert.Equal([(60, AlertTransition.Raise)], Run(series));
    }

    [Fact]
    public void ARetriedOrOutOfOrderSampleChangesNothing()
    {
        var (track, _) = AlertRule.Step(AlertTrack.Empty, T0.AddSeconds(10), 95, 90, 5, TimeSpan.FromSeconds(60));

        var (again, transition) = AlertRule.Step(track, T0.AddSeconds(5), 50, 90, 5, TimeSpan.FromSeconds(60));

        Assert.Equal(track, again);
        Assert.Equal(AlertTransition.None, transition);
    }
}
