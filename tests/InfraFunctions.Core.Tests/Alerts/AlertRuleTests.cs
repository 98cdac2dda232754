using InfraFunctions.Core.Alerts;

namespace InfraFunctions.Core.Tests.Alerts;

public sealed class AlertRuleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    private static List<(int Second, AlertTransition Transition)> Run(IEnumerable<(int Second, double Value)> series)
    {
        var track = AlertTrack.Empty;
        var transitions = new List<(int, AlertTransition)>();
        foreach (var (second, value) in series)
        {
            var (next, transition) = AlertRule.Step(track, T0.AddSeconds(second), value, 90, 5, TimeSpan.FromSeconds(60));
            track = transition switch
            {
                AlertTransition.Raise => next with { OpenAlertId = "a" },
                AlertTransition.Resolve => next with { OpenAlertId = null },
                _ => next,
            };
            if (transition != AlertTransition.None)
            {
                transitions.Add((second, transition));
            }
        }

        return transitions;
    }

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
