namespace InfraFunctions.Agent.Tests;

public sealed class SampleScheduleTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public void TicksFallOnWholeIntervalsFromTheStartWhateverTheLatenessOfEarlierOnes()
    {
        var schedule = new SampleSchedule(Second);

        Assert.Equal((Second, 0L), schedule.Next(TimeSpan.Zero));
        // Tick 1 was taken 0.3 s late: tick 2 is still due at 2 s, not 1 s after it.
        Assert.Equal((TimeSpan.FromSeconds(0.7), 0L), schedule.Next(TimeSpan.FromSeconds(1.3)));
        Assert.Equal((Second, 0L), schedule.Next(TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public void ALateTickIsTakenAtOnceAndNothingIsSkipped()
    {
        var schedule = new SampleSchedule(Second);
        schedule.Next(TimeSpan.Zero);

        // Tick 1's sample took 1.9 s: tick 2 (due at 2 s) is late, but no whole tick has passed untaken.
        Assert.Equal((TimeSpan.Zero, 0L), schedule.Next(TimeSpan.FromSeconds(2.9)));
        Assert.Equal((TimeSpan.FromSeconds(0.1), 0L), schedule.Next(TimeSpan.FromSeconds(2.9)));
    }

    [Fact]
    public void TicksMissedWhileTheAgentWasStarvedAreSkippedAndCountedNotTakenBackToBack()
    {
        var schedule = new SampleSchedule(Second);
        schedule.Next(TimeSpan.Zero);

        // The sample for tick 1 finished at 4.2 s: ticks 2, 3 and 4 have passed; 4 is taken now, 2 and 3 are skipped.
        Assert.Equal((TimeSpan.Zero, 2L), schedule.Next(TimeSpan.FromSeconds(4.2)));
        Assert.Equal((TimeSpan.FromSeconds(0.8), 0L), schedule.Next(TimeSpan.FromSeconds(4.2)));
        Assert.Equal((Second, 0L), schedule.Next(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void EveryTickIsEitherTakenOrCountedAsSkipped()
    {
        var schedule = new SampleSchedule(Second);
        var random = new Random(7);
        var elapsed = TimeSpan.Zero;
        long taken = 0, skipped = 0;
        for (var i = 0; i < 1000; i++)
        {
            var (wait, missed) = schedule.Next(elapsed);
            skipped += missed;
            taken++;
            // Wait, then spend anything from nothing to 3.5 intervals on the sample.
            elapsed += wait + TimeSpan.FromMilliseconds(random.Next(0, 3500));
        }

        // The ticks passed by now: the ones taken, the ones skipped, and the one about to be taken if it is due.
        var (finalWait, finalSkipped) = schedule.Next(elapsed);
        var dueNow = finalWait == TimeSpan.Zero ? 1 : 0;
        Assert.True(skipped > 0);
        Assert.Equal(elapsed.Ticks / Second.Ticks, taken + skipped + finalSkipped + dueNow);
    }
}
