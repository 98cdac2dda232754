using InfraFunctions.Agent.Parsing;

namespace InfraFunctions.Agent.Tests.Parsing;

public sealed class MeminfoParserTests
{
    [Fact]
    public void CapturedMeminfoGivesTotalAvailableAndSwapInBytes()
    {
        var reading = MeminfoParser.Parse(TestFiles.Bytes("meminfo.txt"));

        Assert.Equal(Kb("MemTotal") * 1024, reading.Total);
        Assert.Equal(Kb("MemAvailable") * 1024, reading.Available);
        Assert.Equal(Kb("SwapTotal") * 1024, reading.SwapTotal);
        Assert.Equal(Kb("SwapFree") * 1024, reading.SwapFree);
    }

    [Fact]
    public void KernelsWithoutMemAvailableFallBackToFreePlusBuffersAndCache()
    {
        var text = "MemTotal: 1000 kB\nMemFree: 100 kB\nBuffers: 50 kB\nCached: 200 kB\nSReclaimable: 25 kB\nSwapTotal: 0 kB\nSwapFree: 0 kB\n"u8;

        var reading = MeminfoParser.Parse(text);

        Assert.Equal(375UL * 1024, reading.Available);
    }

    private static ulong Kb(string key)
    {
        var line = TestFiles.Text("meminfo.txt").Split('\n').Single(l => l.StartsWith(key + ":", StringComparison.Ordinal));
        return ulong.Parse(Commands.Fields(line)[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
