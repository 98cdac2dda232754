using InfraFunctions.Core.Anomalies;

namespace InfraFunctions.Core.Tests.Anomalies;

public sealed class AnomalyDetectorTests
{
    private const int Day = 1440;

    // An injected event counts as found when an anomaly lies within this many minutes of it (a shift is confirmed a few points late).
    private const int Tolerance = 5;

    private static (double Precision, double Recall, int Reported, int Events) Score(IReadOnlyList<SyntheticSeries> runs, bool seasonal)
    {
        int truePositives = 0, reported = 0, events = 0, found = 0;
        foreach (var s in runs)
        {
            var baseline = seasonal ? SeasonalBaseline.From(SyntheticSeries.History(s.Points[0].Timestamp, 7, 99), "cpu", s.Points[0].Timestamp) : null;
            var anomalies = AnomalyDetector.Detect(s.Points, "cpu", AnomalySensitivity.Medium, baseline);
            var index = anomalies.Select(a => (int)(a.Timestamp - s.Points[0].Timestamp).TotalMinutes).ToArray();
            reported += index.Length;
            truePositives += index.Count(i => s.Events.Any(e => Math.Abs(e.Index - i) <= Tolerance));
            events += s.Events.Count;
            found += s.Events.Count(e => index.Any(i => Math.Abs(e.Index - i) <= Tolerance));
        }

        return (reported == 0 ? 0 : (double)truePositives / reported, (double)found / events, reported, events);
    }

    private static List<SyntheticSeries> Injected(int runs)
    {
        var list = new List<SyntheticSeries>();
        for (var seed = 1; seed <= runs; seed++)
        {
            var s = new SyntheticSeries(seed, Day, SyntheticSeries.Start);
            var random = new Random(seed * 7);
            foreach (var at in new[] { 100, 250, 420, 610, 820, 1010, 1240, 1400 })
            {
                s.Spike(at + random.Next(-20, 20), (random.Next(2) == 0 ? 1 : -1) * (8 + (random.NextDouble() * 10)));
            }

            s.Shift(330, 12);
            s.Shift(700, -15);
            s.Shift(1120, 10);
            list.Add(s);
        }

        return list;
    }

    [Fact]
    public void InjectedSpikesAndLevelShiftsOnADailyCycleAreFoundWithPrecisionAndRecallOfAtLeastNinetyPercent()
    {
        var (precision, recall, reported, events) = Score(Injected(10), seasonal: true);

        Assert.True(precision >= 0.9, $"precision {precision:P1} ({reported} reported for {events} events)");
        Assert.True(recall >= 0.9, $"recall {recall:P1} ({reported} reported for {events} events)");
    }

    [Fact]
    public void WithoutSeasonalHistoryTheRollingMedianStillFindsInjectedEvents()
    {
        var (precision, recall, reported, events) = Score(Injected(10), seasonal: false);

        Assert.True(precision >= 0.9, $"precision {precision:P1} ({reported} reported for {events} events)");
        Assert.True(recall >= 0.9, $"recall {recall:P1} ({reported} reported for {events} events)");
    }

    [Fact]
    public void ACleanDailyCycleRaisesNoAnomaliesWithOrWithoutTheSeasonalBaseline()
    {
        for (var seed = 1; seed <= 10; seed++)
        {
            var s = new SyntheticSeries(seed, Day, SyntheticSeries.Start);
            var baseline = SeasonalBaseline.From(SyntheticSeries.History(SyntheticSeries.Start, 7, seed), "cpu", SyntheticSeries.Start);

            Assert.NotNull(baseline);
            Assert.Empty(AnomalyDetector.Detect(s.Points, "cpu", AnomalySensitivity.Medium, baseline));
            var plain = AnomalyDetector.Detect(s.Points, "cpu", AnomalySensitivity.Medium);
            Assert.True(plain.Count == 0, string.Join("; ", plain.Select(a => $"{a.Timestamp:HH:mm} {a.Kind} {a.Score} {a.Value} {a.Expected} {a.Until:HH:mm}")));
        }
    }

    [Fact]
    public void ShiftsAreReportedAtTheirOnsetAndSpikesAtTheirPeakWithDirectionAndSeverity()
    {
        var s = new SyntheticSeries(3, Day, SyntheticSeries.Start);
        s.Spike(400, 30);
        s.Shift(900, -12);
        var baseline = SeasonalBaseline.From(SyntheticSeries.History(SyntheticSeries.Start, 5, 3), "cpu", SyntheticSeries.Start);

        var anomalies = AnomalyDetector.Detect(s.Points, "cpu", AnomalySensitivity.Medium, baseline);

        Assert.Equal(2, anomalies.Count);
        var spike = anomalies[0];
        Assert.Equal((AnomalyKinds.Spike, "up", "critical", "seasonal"), (spike.Kind, spike.Direction, spike.Severity, spike.Baseline));
        Assert.Equal(SyntheticSeries.Start.AddMinutes(400), spike.Timestamp);
        Assert.InRange(spike.Value - spike.Expected, 25, 35);
        Assert.True(spike.Score >= 7);
        var shift = anomalies[1];
        Assert.Equal((AnomalyKinds.LevelShift, "down"), (shift.Kind, shift.Direction));
        Assert.InRange((shift.Timestamp - SyntheticSeries.Start).TotalMinutes, 900, 900 + Tolerance);
    }

    [Fact]
    public void TheSeasonalBaselineNeedsThreeDaysOfHistory()
    {
        Assert.Null(SeasonalBaseline.From(SyntheticSeries.History(SyntheticSeries.Start, 2, 1), "cpu", SyntheticSeries.Start));
        var baseline = SeasonalBaseline.From(SyntheticSeries.History(SyntheticSeries.Start, 3, 1), "cpu", SyntheticSeries.Start);
        Assert.NotNull(baseline);
        Assert.InRange(baseline.Expected(SyntheticSeries.Start.AddHours(6)), 68, 72);
    }

    [Fact]
    public void LowerSensitivityReportsFewerAnomalies()
    {
        var s = Injected(1)[0];
        var high = AnomalyDetector.Detect(s.Points, "cpu", AnomalySensitivity.High).Count;
        var low = AnomalyDetector.Detect(s.Points, "cpu", AnomalySensitivity.Low).Count;

        Assert.True(low <= high, $"low {low} > high {high}");
        Assert.Null(AnomalySensitivity.Parse("extreme"));
    }
}
