using System.Globalization;
using InfraFunctions.Agent.Collectors;

namespace InfraFunctions.Agent.Tests.Collectors;

/// <summary>The agent's readings against independent tools run at the same moment.</summary>
public sealed class LiveAccuracyTests
{
    private const double Gb = 1024.0 * 1024 * 1024;

    [Fact]
    public void MemoryTotalAndAvailableAgreeWithFreeWithinOnePercent()
    {
        var memory = new MemoryCollector().Collect();
        var mem = Commands.Fields(Commands.Run("free", "-b").Split('\n').Single(l => l.StartsWith("Mem:", StringComparison.Ordinal)));

        AssertWithin(double.Parse(mem[1], CultureInfo.InvariantCulture), memory.TotalGb * Gb, 0.01);
        AssertWithin(double.Parse(mem[6], CultureInfo.InvariantCulture), memory.AvailableGb * Gb, 0.01);
    }

    [Fact]
    public void RootFilesystemTotalUsedAndFreeAgreeWithDfWithinOnePercent()
    {
        var (root, _) = new DiskCollector(TimeProvider.System).Collect();
        var df = Commands.Fields(Commands.Run("df", "-B1", "/").Split('\n')[1]);

        AssertWithin(double.Parse(df[1], CultureInfo.InvariantCulture), root.TotalGb * Gb, 0.01);
        AssertWithin(double.Parse(df[2], CultureInfo.InvariantCulture), root.UsedGb * Gb, 0.01);
        AssertWithin(double.Parse(df[3], CultureInfo.InvariantCulture), root.FreeGb * Gb, 0.01);
        Assert.InRange(root.Percent, double.Parse(df[4].TrimEnd('%'), CultureInfo.InvariantCulture) - 1, double.Parse(df[4].TrimEnd('%'), CultureInfo.InvariantCulture));
    }

    [Fact]
    public void CpuCountAgreesWithNproc()
    {
        var cpu = new CpuCollector().Collect();

        Assert.Equal(int.Parse(Commands.Run("nproc").Trim(), CultureInfo.InvariantCulture), cpu.Count);
        Assert.Equal(cpu.Count, cpu.PerCore!.Count);
    }

    [Fact]
    public void LoadAverageAgreesWithProcLoadavg()
    {
        var load = new CpuCollector().Collect().LoadAvg!;
        var fields = Commands.Fields(File.ReadAllText("/proc/loadavg")).Take(3).Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray();

        // The kernel updates the averages every 5 s: allow for an update between the two reads.
        Assert.Equal(fields[0], load.One, 0.15);
        Assert.Equal(fields[1], load.Five, 0.1);
        Assert.Equal(fields[2], load.Fifteen, 0.05);
    }

    [Fact]
    public void OwnPidThreadsAndRssAgreeWithPs()
    {
        var collector = new ProcessCollector(TimeProvider.System, top: 3, watch: []);
        var self = collector.Collect(new MemoryCollector().Collect() is var m ? (ulong)(m.TotalGb * Gb) : 0, 0)
            .Single(p => p.Pid == Environment.ProcessId);
        var ps = Commands.Fields(Commands.Run("ps", "-o", "pid=,nlwp=,rss=", "-p", Environment.ProcessId.ToString(CultureInfo.InvariantCulture)).Trim());

        Assert.Equal(int.Parse(ps[0], CultureInfo.InvariantCulture), self.Pid);
        Assert.InRange(self.NumThreads, int.Parse(ps[1], CultureInfo.InvariantCulture) - 3, int.Parse(ps[1], CultureInfo.InvariantCulture) + 3);
        AssertWithin(double.Parse(ps[2], CultureInfo.InvariantCulture) / 1024, self.MemoryMb, 0.05);
        Assert.True(self.NumFds > 0);
    }

    private static void AssertWithin(double expected, double actual, double share) =>
        Assert.InRange(actual, expected * (1 - share), expected * (1 + share));
}
