using CsCheck;
using InfraFunctions.Core.Alerts;
using InfraFunctions.Core.Rules;

namespace InfraFunctions.Core.Tests.Alerts;

public sealed class RuleStepTests
{
    private static readonly TimeSpan GapLimit = TimeSpan.FromSeconds(180);

    private static RuleDefinition Rule(string condition, int durationSeconds, double margin) =>
        new("rule-00000000000a", "Test rule", MetricNames.Load1m, RuleScope.All, condition, null, 10, durationSeconds, margin, [], 0);

    /// <summary>Steps a series of (second, value) through one level; returns each transition with its second.</summary>
    private static List<(int Second, AlertTransition Transition)> Run(RuleDefinition rule, double level, IEnumerable<(int Second, double Value)> series) =>
        StepSeries.Run(series, (track, at, value) => AlertRule.Step(track, at, rule, value, level, GapLimit));

    [Fact]
    public void ARuleWithADurationOfZeroRaisesOnTheFirstSampleAtItsLevelAndResolvesOnTheFirstClearOne()
    {
        var transitions = Run(Rule(RuleConditions.Above, 0, 2), 10, [(0, 9), (10, 10), (20, 9), (30, 7.9)]);

        Assert.Equal([(10, AlertTransition.Raise), (30, AlertTransition.Resolve)], transitions);
    }

    [Fact]
    public void ABelowRuleRaisesAtOrUnderItsLevelAndResolvesOnlyAboveTheLevelPlusItsMargin()
    {
        var series = new[] { 15.0, 10, 10, 9, 5, 11, 12, 14, 16, 16, 16 }.Select((v, i) => (i * 30, v));

        var transitions = Run(Rule(RuleConditions.Below, 60, 5), 10, series);

        // At or under 10 from 30 s: raised at 90 s; above 15 from 240 s: resolved at 300 s; 11-14 is the dead band.
        Assert.Equal([(90, AlertTransition.Raise), (300, AlertTransition.Resolve)], transitions);
    }

    [Fact]
    public void AGapLongerThanTheLimitRestartsTheClearingClockSoAResolveNeedsTheFullDurationOfFreshData()
    {
        var series = new[] { (0, 12.0), (60, 12), (90, 5), (600, 5), (630, 5), (660, 5) };

        var transitions = Run(Rule(RuleConditions.Above, 60, 2), 10, series);

        // Clear since 90 s, but the 510 s gap restarts the clock at 600 s: a resolve at 660 s, not at 600 s.
        Assert.Equal([(60, AlertTransition.Raise), (660, AlertTransition.Resolve)], transitions);
    }

    [Fact]
    public void AGapRestartsTheRaisingClockToo()
    {
        var transitions = Run(Rule(RuleConditions.Above, 60, 2), 10, [(0, 12), (30, 12), (400, 12), (430, 12), (460, 12)]);

        Assert.Equal([(460, AlertTransition.Raise)], transitions);
    }

    /// <summary>Samples 1-400 s apart (some of them gaps), any values around a level of 10.</summary>
    private static readonly Gen<(int Duration, double Margin, bool Below, (int Step, double Value)[] Series)> Series =
        Gen.Select(Gen.Int[0, 300], Gen.Double[0, 5], Gen.Bool, Gen.Select(Gen.Int[1, 400], Gen.Double[0, 20]).Array[1, 80]);

    [Fact]
    public void EveryResolveFollowsTheFullDurationOfFreshClearingSamplesAndEveryRaiseTheFullDurationOfBreachingOnes()
    {
        Series.Sample(c =>
        {
            var rule = Rule(c.Below ? RuleConditions.Below : RuleConditions.Above, c.Duration, c.Margin);
            var at = 0;
            var samples = c.Series.Select(s => (Second: at += s.Step, s.Value)).ToArray();
            var transitions = Run(rule, 10, samples);
            var expected = AlertTransition.Raise;
            foreach (var (second, transition) in transitions)
            {
                Assert.Equal(expected, transition);
                expected = transition == AlertTransition.Raise ? AlertTransition.Resolve : AlertTransition.Raise;
                Func<double, bool> holds = transition == AlertTransition.Raise ? v => rule.Breaches(v, 10) : v => rule.Clears(v, 10);
                // Walking back from the transition: the run of samples that held, with no gap, must span the duration.
                var i = Array.FindIndex(samples, s => s.Second == second);
                var start = i;
                while (start > 0 && holds(samples[start - 1].Value) && samples[start].Second - samples[start - 1].Second <= GapLimit.TotalSeconds)
                {
                    start--;
                }

                Assert.True(holds(samples[i].Value));
                Assert.True(second - samples[start].Second >= c.Duration, $"{transition} at {second} s after only {second - samples[start].Second} s of fresh data");
            }
        });
    }

    [Fact]
    public void AValueOscillatingInsideTheDeadBandRaisesOnceAndNeverResolves()
    {
        Gen.Select(Gen.Int[0, 120], Gen.Double[0.5, 5], Gen.Select(Gen.Int[1, 60], Gen.Double[0, 1]).Array[1, 100]).Sample((duration, margin, steps) =>
        {
            var rule = Rule(RuleConditions.Above, duration, margin);
            // Held long enough to raise, then anywhere from just above the level minus the margin to above the level.
            var held = Enumerable.Range(0, (duration / 10) + 2).Select(i => (Second: i * 10, Value: 12.0)).ToArray();
            var at = held[^1].Second;
            var series = held.Concat(steps.Select(s => (Second: at += s.Item1, Value: 10 - margin + 0.001 + (s.Item2 * (margin + 5)))));

            Assert.Equal(AlertTransition.Raise, Assert.Single(Run(rule, 10, series)).Transition);
        });
    }
}
