using InfraFunctions.Core.Alerts;

namespace InfraFunctions.Core.Tests.Alerts;

/// <summary>Steps a series of (second, value) through one alert level, opening and closing the alert as a publisher would; returns each transition with its second.</summary>
internal static class StepSeries
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    public static List<(int Second, AlertTransition Transition)> Run(
        IEnumerable<(int Second, double Value)> series, Func<AlertTrack, DateTimeOffset, double, (AlertTrack Track, AlertTransition Transition)> step)
    {
        var track = AlertTrack.Empty;
        var transitions = new List<(int, AlertTransition)>();
        foreach (var (second, value) in series)
        {
            var (next, transition) = step(track, T0.AddSeconds(second), value);
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
}
