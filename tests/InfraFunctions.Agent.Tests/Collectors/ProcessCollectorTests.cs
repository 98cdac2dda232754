using System.Diagnostics;
using InfraFunctions.Agent.Collectors;
using InfraFunctions.Agent.Native;

namespace InfraFunctions.Agent.Tests.Collectors;

public sealed class ProcessCollectorTests
{
    [Fact]
    public void ReportsTopProcessesTheWatchedOnesAndTheAgentItselfOnce()
    {
        using var sleeper = Process.Start("sleep", "30");
        try
        {
            var collector = new ProcessCollector(TimeProvider.System, top: 3, watch: ["sleep"]);
            collector.Collect(16UL << 30, 0);
            Thread.Sleep(200);

            var processes = collector.Collect(16UL << 30, 0);

            Assert.Contains(processes, p => p.Pid == sleeper.Id && p.Name == "sleep" && p.Status == "sleeping");
            Assert.Contains(processes, p => p.Pid == Environment.ProcessId);
            Assert.Equal(processes.Count, processes.Select(p => p.Pid).Distinct().Count());
            Assert.InRange(processes.Count, 3, 3 + 3 + 2);
        }
        finally
        {
            sleeper.Kill();
        }
    }

    [Fact]
    public void CpuPercentComesFromTheTicksSpentBetweenScans()
    {
        var table = new ProcessTable(TimeProvider.System);
        table.Scan();
        var spin = Stopwatch.StartNew();
        while (spin.ElapsedMilliseconds < 400)
        {
            Thread.SpinWait(1000);
        }

        table.Scan();

        var self = table.Slots.Take(table.Count).Single(s => s.Pid == Environment.ProcessId);
        Assert.InRange(self.CpuPercent, 40, 100.0 * Environment.ProcessorCount);
    }

    [Fact]
    public void AProcessThatExitedIsSkippedNotAnError()
    {
        using var sleeper = Process.Start("sleep", "30");
        var table = new ProcessTable(TimeProvider.System);
        table.Scan();
        Assert.Contains(table.Slots.Take(table.Count), s => s.Pid == sleeper.Id);

        sleeper.Kill();
        sleeper.WaitForExit();
        table.Scan();

        Assert.DoesNotContain(table.Slots.Take(table.Count), s => s.Pid == sleeper.Id);
        Assert.Equal(-1, ProcFile.ReadOnce(ProcFile.PidPath(new byte[64], sleeper.Id, "stat"u8), new byte[1024]));
    }

    [Fact]
    public void CreateTimeIsBootTimePlusStartTicks()
    {
        var cpu = new CpuCollector();
        cpu.Collect();
        var self = new ProcessCollector(TimeProvider.System, top: 0, watch: []).Collect(16UL << 30, cpu.BootTimeSeconds).Single();

        var started = Process.GetCurrentProcess().StartTime.ToUniversalTime();
        Assert.InRange(self.CreateTime.UtcDateTime, started.AddSeconds(-2), started.AddSeconds(2));
    }
}
