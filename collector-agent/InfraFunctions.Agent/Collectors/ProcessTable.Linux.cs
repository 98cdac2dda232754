using System.IO.Enumeration;
using InfraFunctions.Agent.Native;
using InfraFunctions.Agent.Parsing;

namespace InfraFunctions.Agent.Collectors;

/// <summary>
/// One scan of every process: <c>/proc/[pid]/stat</c> only, read with one syscall into a reused buffer, into
/// reused slots. CPU percent comes from the tick delta since the previous scan of the same process.
/// </summary>
internal sealed class ProcessTable(TimeProvider time)
{
    private static readonly EnumerationOptions ProcOptions = new() { AttributesToSkip = 0, IgnoreInaccessible = true };
    private readonly byte[] statBuffer = new byte[1024];
    private readonly List<int> pids = new(512);
    private Dictionary<int, (ulong Start, ulong Ticks)> previous = new(512);
    private Dictionary<int, (ulong Start, ulong Ticks)> current = new(512);
    private long previousTimestamp;

    public ProcessSlot[] Slots { get; private set; } = [];

    public int Count { get; private set; }

    public void Scan()
    {
        ListPids();
        var now = time.GetTimestamp();
        var seconds = previousTimestamp == 0 ? 0 : time.GetElapsedTime(previousTimestamp, now).TotalSeconds;
        var ticksPerSecond = (double)LibC.ClockTicksPerSecond;
        Span<byte> path = stackalloc byte[32];
        current.Clear();
        var count = 0;
        foreach (var pid in pids)
        {
            var length = ProcFile.ReadOnce(ProcFile.PidPath(path, pid, "stat"u8), statBuffer);
            if (length <= 0 || !PidStatParser.TryParse(statBuffer.AsSpan(0, length), out var comm, out var stat))
            {
                continue; // exited between the directory listing and the read
            }

            if (count == Slots.Length)
            {
                GrowSlots();
            }

            var slot = Slots[count++];
            slot.Set(pid, comm, stat);
            current[pid] = (stat.StartTicks, stat.CpuTicks);
            // A process first seen in this scan started during the interval: all its ticks are new.
            var before = previous.TryGetValue(pid, out var p) && p.Start == stat.StartTicks ? p.Ticks : 0;
            slot.CpuPercent = seconds <= 0 || (before == 0 && previousTimestamp == 0) || stat.CpuTicks < before
                ? 0
                : Units.Round((stat.CpuTicks - before) / ticksPerSecond / seconds * 100);
        }

        Count = count;
        (previous, current) = (current, previous);
        previousTimestamp = now;
    }

    private void ListPids()
    {
        pids.Clear();
        var enumerable = new FileSystemEnumerable<int>(
            "/proc",
            static (ref FileSystemEntry entry) => ParsePid(entry.FileName),
            ProcOptions)
        {
            ShouldIncludePredicate = static (ref FileSystemEntry entry) => entry.IsDirectory && ParsePid(entry.FileName) > 0,
        };
        foreach (var pid in enumerable)
        {
            pids.Add(pid);
        }
    }

    private static int ParsePid(ReadOnlySpan<char> name)
    {
        var pid = 0;
        foreach (var c in name)
        {
            if (c is < '0' or > '9' || pid > int.MaxValue / 10)
            {
                return 0;
            }

            pid = (pid * 10) + (c - '0');
        }

        return pid;
    }

    private void GrowSlots()
    {
        var grown = new ProcessSlot[Math.Max(64, Slots.Length * 2)];
        Slots.CopyTo(grown, 0);
        for (var i = Slots.Length; i < grown.Length; i++)
        {
            grown[i] = new ProcessSlot();
        }

        Slots = grown;
    }
}
