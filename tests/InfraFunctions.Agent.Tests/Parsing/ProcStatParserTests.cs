using InfraFunctions.Agent.Parsing;

namespace InfraFunctions.Agent.Tests.Parsing;

public sealed class ProcStatParserTests
{
    [Fact]
    public void CapturedProcStatHasOneEntryPerCpuLineAndTheBootTime()
    {
        var text = TestFiles.Bytes("proc-stat.txt");
        var perCore = new CpuTimes[8];

        var cores = ProcStatParser.Parse(text, out var total, perCore, out var bootTime);

        var lines = TestFiles.Text("proc-stat.txt").Split('\n');
        Assert.Equal(lines.Count(l => l.StartsWith("cpu", StringComparison.Ordinal) && char.IsDigit(l[3])), cores);
        var btime = lines.Single(l => l.StartsWith("btime ", StringComparison.Ordinal));
        Assert.Equal(long.Parse(btime[6..], System.Globalization.CultureInfo.InvariantCulture), bootTime);
        Assert.True(total.Total > total.Busy);
        Assert.Equal(total.Total, perCore.Take(cores).Aggregate(0UL, (sum, c) => sum + c.Total), 5UL * (ulong)cores);
    }

    [Fact]
    public void ReportsHowManyCoresThereAreWhenTheBufferIsTooSmall()
    {
        var cores = ProcStatParser.Parse(TestFiles.Bytes("proc-stat.txt"), out _, new CpuTimes[1], out _);

        Assert.True(cores >= 1);

    }

    [Fact]
    public void IdleAndIowaitAreNotBusyAndGuestIsNotCountedTwice()
    {
        var text = "cpu  100 10 50 800 40 0 5 0 30 0\ncpu0 100 10 50 800 40 0 5 0 30 0\nbtime 1700000000\n"u8;

        ProcStatParser.Parse(text, out var total, new CpuTimes[2], out var bootTime);

        Assert.Equal(165UL, total.Busy);
        Assert.Equal(1005UL, total.Total);
        Assert.Equal(1700000000, bootTime);
    }

    [Fact]
    public void PercentIsTheBusyShareOfTheTicksBetweenTwoReadings()
    {
        var earlier = new CpuTimes(1000, 4000);
        var later = new CpuTimes(1250, 5000);

        Assert.Equal(25.0, later.PercentSince(earlier));
        Assert.Equal(0.0, earlier.PercentSince(earlier));
        Assert.Equal(0.0, earlier.PercentSince(later));
    }
}
