using InfraFunctions.Agent.Parsing;

namespace InfraFunctions.Agent.Tests.Parsing;

public sealed class PidStatParserTests
{
    [Fact]
    public void CapturedStatGivesNameStateTicksThreadsStartAndRss()
    {
        var fields = Commands.Fields(TestFiles.Text("pid-stat.txt"));

        Assert.True(PidStatParser.TryParse(TestFiles.Bytes("pid-stat.txt"), out var comm, out var stat));

        Assert.Equal("dotnet", System.Text.Encoding.UTF8.GetString(comm));
        Assert.Equal((byte)fields[2][0], stat.State);
        Assert.Equal(ulong.Parse(fields[13], null) + ulong.Parse(fields[14], null), stat.CpuTicks);
        Assert.Equal(int.Parse(fields[19], null), stat.Threads);
        Assert.Equal(ulong.Parse(fields[21], null), stat.StartTicks);
        Assert.Equal(long.Parse(fields[23], null), stat.RssPages);
    }

    [Fact]
    public void StatAgreesWithStatusCapturedAtTheSameMoment()
    {
        Assert.True(PidStatParser.TryParse(TestFiles.Bytes("pid-stat.txt"), out _, out var stat));
        var status = TestFiles.Text("pid-status.txt").Split('\n').Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1].Trim());

        Assert.Equal(int.Parse(status["Threads"], null), stat.Threads);
        var statusRssKb = double.Parse(status["VmRSS"].Split(' ')[0], null);
        Assert.InRange(stat.RssPages * 4.0, statusRssKb * 0.99, statusRssKb * 1.01);
    }

    [Fact]
    public void NamesWithSpacesAndParenthesesEndAtTheLastParenthesis()
    {
        var text = "4242 (my (odd) app) R 1 4242 4242 0 -1 4194560 10 0 0 0 70 30 0 0 20 0 3 0 555 1000000 256 18446744073709551615\n"u8;

        Assert.True(PidStatParser.TryParse(text, out var comm, out var stat));

        Assert.Equal("my (odd) app", System.Text.Encoding.UTF8.GetString(comm));
        Assert.Equal((byte)'R', stat.State);
        Assert.Equal(100UL, stat.CpuTicks);
        Assert.Equal(3, stat.Threads);
        Assert.Equal(555UL, stat.StartTicks);
        Assert.Equal(256, stat.RssPages);
        Assert.Equal("running", PidStatParser.StatusName(stat.State));
    }

    [Fact]
    public void TruncatedStatIsRefused()
    {
        Assert.False(PidStatParser.TryParse("4242 (app) S 1 2 3"u8, out _, out _));
        Assert.False(PidStatParser.TryParse(""u8, out _, out _));
    }
}
