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
        // free runs just before and just after the agent reads, so memory that other processes take or give
        // back in between widens the range instead of failing the comparison.
        var before = Free();
        var memory = new MemoryCollector().Collect();
        var after = Free();

        AssertWithin(before.Total, memory.TotalGb * Gb, 0.01);
        AssertBetween(before.Available, after.Available, memory.AvailableGb * Gb, 0.01);
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
        // The kernel updates the averages every 5 s: reading before and after brackets an update in between.
        var before = LoadAverages();
        var load = new CpuCollector().Collect().LoadAvg!;
        var after = LoadAverages();

        AssertBetween(before[0], after[0], load.One, 0.001);
        AssertBetween(before[1], after[1], load.Five, 0.001);
        AssertBetween(before[2], after[2], load.Fifteen, 0.001);
    }

    [Fact]
    public void OwnPidThreadsAndRssAgreeWithPs()
    {
        var collector = new ProcessCollector(TimeProvider.System, top: 3, watch: []);
        var totalBytes = (ulong)(new MemoryCollector().Collect().TotalGb * Gb);
        // Other tests run in this process at the same time: ps before and after brackets what they change.
        var before = Ps();
        var self = collector.Collect(totalBytes, 0).Single(p => p.Pid == Environment.ProcessId);
        var after = Ps();

        Assert.Equal(before.Pid, self.Pid);
        Assert.InRange(self.NumThreads, Math.Min(before.Threads, after.Threads) - 3, Math.Max(before.Threads, after.Threads) + 3);
        AssertBetween(before.RssMb, after.RssMb, self.MemoryMb, 0.05);
        Assert.True(self.NumFds > 0);
    }

    private static void AssertWithin(double expected, double actual, double share) =>
        Assert.InRange(actual, expected * (1 - share), expected * (1 + share));

    private static void AssertBetween(double first, double second, double actual, double share) =>
        Assert.InRange(actual, Math.Min(first, second) * (1 - share), Math.Max(first, second) * (1 + share));

    private static (double Total, double Available) Free()
    {
        var mem = Commands.Fields(Commands.Run("free", "-b").Split('\n').Single(l => l.StartsWith("Mem:", StringComparison.Ordinal)));
        return (double.Parse(mem[1], CultureInfo.InvariantCulture), double.Parse(mem[6], CultureInfo.InvariantCulture));
    }

    private static double[] LoadAverages() =>
        Commands.Fields(File.ReadAllText("/proc/loadavg")).Take(3).Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray();

    private static (int Pid, int Threads, double RssMb) Ps()
    {
        var ps = Commands.Fields(Commands.Run("ps", "-o", "pid=,nlwp=,rss=", "-p", Environment.ProcessId.ToString(CultureInfo.InvariantCulture)).Trim());
        return (int.Parse(ps[0], CultureInfo.InvariantCulture), int.Parse(ps[1], CultureInfo.InvariantCulture), double.Parse(ps[2], CultureInfo.InvariantCulture) / 1024);
    }
}
