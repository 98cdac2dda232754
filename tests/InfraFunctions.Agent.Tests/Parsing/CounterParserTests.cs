using InfraFunctions.Agent.Parsing;

namespace InfraFunctions.Agent.Tests.Parsing;

public sealed class CounterParserTests
{
    [Fact]
    public void DiskstatsGivesSectorsAsBytesForTheNamedDevice()
    {
        var line = TestFiles.Text("diskstats.txt").Split('\n').Single(l => Commands.Fields(l) is [_, _, "vda", ..]);
        var fields = Commands.Fields(line);

        Assert.True(DiskStatsParser.TryFind(TestFiles.Bytes("diskstats.txt"), "vda"u8, out var io));
        Assert.Equal(ulong.Parse(fields[5], null) * 512, io.ReadBytes);
        Assert.Equal(ulong.Parse(fields[9], null) * 512, io.WriteBytes);
        Assert.False(DiskStatsParser.TryFind(TestFiles.Bytes("diskstats.txt"), "sdz9"u8, out _));
    }

    [Fact]
    public void NetDevTotalsCountEveryInterfaceAndExternalCountsLeaveOutLoopback()
    {
        var counters = NetDevParser.Parse(TestFiles.Bytes("net-dev.txt"));
        var rows = TestFiles.Text("net-dev.txt").Split('\n').Where(l => l.Contains(':', StringComparison.Ordinal))
            .Select(l => (Name: l.Split(':')[0].Trim(), Fields: Commands.Fields(l.Split(':')[1]))).ToList();
        var lo = rows.Single(r => r.Name == "lo").Fields;

        Assert.Equal(rows.Aggregate(0UL, (s, r) => s + ulong.Parse(r.Fields[0], null)), counters.RecvAll);
        Assert.Equal(rows.Aggregate(0UL, (s, r) => s + ulong.Parse(r.Fields[8], null)), counters.SentAll);
        Assert.Equal(counters.RecvAll - ulong.Parse(lo[0], null), counters.RecvExternal);
        Assert.Equal(counters.SentAll - ulong.Parse(lo[8], null), counters.SentExternal);
    }

    [Fact]
    public void SockstatCountsTcpAndUdpSocketsInUseOfBothFamilies()
    {
        Assert.Equal(InUse("sockstat.txt", "TCP:", "UDP:"), SockstatParser.CountInUse(TestFiles.Bytes("sockstat.txt")));
        Assert.Equal(InUse("sockstat6.txt", "TCP6:", "UDP6:"), SockstatParser.CountInUse(TestFiles.Bytes("sockstat6.txt")));

        var busy = "sockets: used 912\nTCP: inuse 57 orphan 0 tw 12 alloc 80 mem 9\nUDP: inuse 9 mem 4\nUDPLITE: inuse 3\nRAW: inuse 1\n"u8;
        var busy6 = "TCP6: inuse 21\nUDP6: inuse 4\nUDPLITE6: inuse 0\nRAW6: inuse 2\nFRAG6: inuse 0 memory 0\n"u8;
        Assert.Equal(66, SockstatParser.CountInUse(busy));
        Assert.Equal(25, SockstatParser.CountInUse(busy6));
    }

    [Fact]
    public void LoadAverageReadsTheThreeFigures()
    {
        var expected = Commands.Fields(TestFiles.Text("loadavg.txt")).Take(3).Select(f => double.Parse(f, null)).ToArray();

        var load = LoadAvgParser.Parse(TestFiles.Bytes("loadavg.txt"));

        Assert.Equal(expected, new[] { load.One, load.Five, load.Fifteen });
    }

    [Fact]
    public void FrequencyIsTheAverageOfCpuinfoOrScalingCurFreqInMhz()
    {
        var mhz = TestFiles.Text("cpuinfo.txt").Split('\n').Where(l => l.StartsWith("cpu MHz", StringComparison.Ordinal))
            .Select(l => double.Parse(l.Split(':')[1], null)).Average();

        Assert.Equal(mhz, CpuFrequencyParser.ParseCpuInfo(TestFiles.Bytes("cpuinfo.txt")), 3);
        Assert.Equal(2800.0, CpuFrequencyParser.ParseScalingCurFreq("2800000\n"u8));
        Assert.Equal(0.0, CpuFrequencyParser.ParseCpuInfo("processor : 0\n"u8));
    }

    [Fact]
    public void OsReleaseGivesThePrettyNameOrNameAndVersion()
    {
        Assert.Equal("Debian GNU/Linux 12 (bookworm)", OsReleaseParser.PrettyName(TestFiles.Text("os-release.txt")));
        Assert.Equal("Alpine Linux 3.20", OsReleaseParser.PrettyName("NAME=\"Alpine Linux\"\nVERSION=3.20\n"));
    }

    private static int InUse(string file, params string[] protocols) =>
        TestFiles.Text(file).Split('\n').Select(Commands.Fields)
            .Where(f => f.Length > 2 && protocols.Contains(f[0]) && f[1] == "inuse")
            .Sum(f => int.Parse(f[2], null));
}
