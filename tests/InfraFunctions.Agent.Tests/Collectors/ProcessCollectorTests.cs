using System.Diagnostics;
using InfraFunctions.Agent.Collectors;
using InfraFunctions.Agent.Native;

namespace InfraFunctions.Agent.Tests.Collectors;

public sealed class ProcessCollectorTests
{
    [Fact]
    public void ReportsTopProcessesTheWatchedOnesAndTheAgentItselfOnce()
    {
        // A name of its own (the kernel names a process after the file it ran, here a link to sleep), so other
        // sleep processes on the machine, such as run.sh's own waits in a parallel test, are not watched too.
        var name = $"ift-sl{Environment.ProcessId % 100000}";
        var link = Path.Combine(Path.GetTempPath(), name);
        File.Delete(link);
        File.CreateSymbolicLink(link, "/bin/sleep");
        using var sleeper = Process.Start(link, "30");
        try
        {
            var collector = new ProcessCollector(TimeProvider.System, top: 3, watch: [name]);
            collector.Collect(16UL << 30, 0);
            // Until the child is inside sleep's nanosleep, the kernel shows it running.
            Assert.True(SpinWait.SpinUntil(() => IsSleeping(sleeper.Id), TimeSpan.FromSeconds(10)), "the sleeper never went to sleep");

            var processes = collector.Collect(16UL << 30, 0);

            Assert.Contains(processes, p => p.Pid == sleeper.Id && p.Name == name && p.Status == "sleeping");
            Assert.Contains(processes, p => p.Pid == Environment.ProcessId);
            Assert.Equal(processes.Count, processes.Select(p => p.Pid).Distinct().Count());
            Assert.InRange(processes.Count, 3, 3 + 3 + 2);
        }
        finally
        {
            sleeper.Kill();
            File.Delete(link);
        }
    }

    [Fact]
    public void CpuPercentComesFromTheTicksSpentBetweenScans()
    {
        // The expected figure is this process's own CPU time over the wall time between the scans, so a busy
        // machine that gives the spinning thread less than a core does not fail the test.
        using var process = Process.GetCurrentProcess();
        var table = new ProcessTable(TimeProvider.System);
        var cpuBefore = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        table.Scan();
        // Spin until this process has used 400 ms of CPU (at most 10 s of wall time).
        while (wall.ElapsedMilliseconds < 10_000 && (process.TotalProcessorTime - cpuBefore).TotalMilliseconds < 400)
        {
            Thread.SpinWait(1000);
            process.Refresh();
        }

        table.Scan();
        wall.Stop();
        process.Refresh();
        var expected = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / wall.Elapsed.TotalMilliseconds * 100;

        var self = table.Slots.Take(table.Count).Single(s => s.Pid == Environment.ProcessId);
        Assert.True(expected > 10, $"The spinning thread got only {expected:F1} % of a core.");
        Assert.InRange(self.CpuPercent, expected * 0.6, (expected * 1.4) + 5);
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

    // /proc/[pid]/stat is "pid (comm) state ..."; comm may hold spaces and parentheses, so the state follows the last ')'.
    private static bool IsSleeping(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('S');
    }
}
