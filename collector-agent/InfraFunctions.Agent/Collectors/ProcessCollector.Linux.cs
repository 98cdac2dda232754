using System.IO.Enumeration;
using System.Text;
using InfraFunctions.Agent.Native;
using InfraFunctions.Agent.Parsing;
using InfraFunctions.Contracts;

namespace InfraFunctions.Agent.Collectors;

/// <summary>The top N processes by CPU and by memory, the watched ones and the agent itself.</summary>
internal sealed class ProcessCollector
{
    private const int CommLength = 15;
    private static readonly EnumerationOptions FdOptions = new() { AttributesToSkip = 0, IgnoreInaccessible = false };
    private readonly ProcessTable table;
    private int top;
    private byte[][] watched = [];
    private readonly int selfPid = Environment.ProcessId;
    private readonly List<ProcessSlot> chosen = new(64);
    private readonly List<ProcessSlot> picked = new(64);

    public ProcessCollector(TimeProvider time, int top, IReadOnlyList<string> watch)
    {
        table = new ProcessTable(time);
        Configure(top, watch);
    }

    /// <summary>Changes the top-N size and the watched names for the next <see cref="Collect"/> (settings pushed by the server).</summary>
    public void Configure(int top, IReadOnlyList<string> watch)
    {
        this.top = top;
        // Names are matched against comm, which the kernel cuts to 15 bytes.
        watched = watch.Select(w => Encoding.UTF8.GetBytes(w)).Select(b => b.Length > CommLength ? b[..CommLength] : b).ToArray();
    }

    public IReadOnlyList<ProcessInfo> Collect(ulong memoryTotalBytes, long bootTimeSeconds)
    {
        table.Scan();
        chosen.Clear();
        var slots = table.Slots;
        var count = table.Count;
        AddTop(slots, count, static s => s.CpuPercent);
        AddTop(slots, count, static s => s.Stat.RssPages);
        for (var i = 0; i < count; i++)
        {
            if (slots[i].Pid == selfPid || IsWatched(slots[i].Comm))
            {
                Add(slots[i]);
            }
        }

        var result = new ProcessInfo[chosen.Count];
        for (var i = 0; i < chosen.Count; i++)
        {
            result[i] = Describe(chosen[i], memoryTotalBytes, bootTimeSeconds);
        }

        return result;
    }

    // Repeated selection of the largest: N passes over a few hundred slots, no sorting, no allocation.
    private void AddTop(ProcessSlot[] slots, int count, Func<ProcessSlot, double> key)
    {
        picked.Clear();
        for (var n = 0; n < top; n++)
        {
            ProcessSlot? best = null;
            var bestValue = double.MinValue;
            for (var i = 0; i < count; i++)
            {
                var value = key(slots[i]);
                if (value > bestValue && !picked.Contains(slots[i], 0))
                {
                    best = slots[i];
                    bestValue = value;
                }
            }

            if (best is null)
            {
                break;
            }

            picked.Add(best);
            Add(best);
        }
    }

    private void Add(ProcessSlot slot)
    {
        if (!chosen.Contains(slot, 0))
        {
            chosen.Add(slot);
        }
    }

    private bool IsWatched(ReadOnlySpan<byte> comm)
    {
        foreach (var name in watched)
        {
            if (comm.SequenceEqual(name))
            {
                return true;
            }
        }

        return false;
    }

    private static ProcessInfo Describe(ProcessSlot slot, ulong memoryTotalBytes, long bootTimeSeconds)
    {
        var stat = slot.Stat;
        var rssBytes = (double)stat.RssPages * LibC.PageSize;
        var started = (bootTimeSeconds * 1000) + (long)(stat.StartTicks * 1000 / (ulong)LibC.ClockTicksPerSecond);
        return new ProcessInfo(
            slot.Pid,
            slot.Name,
            PidStatParser.StatusName(stat.State),
            slot.CpuPercent,
            Units.Mb(rssBytes),
            Units.Percent(rssBytes, memoryTotalBytes),
            stat.Threads,
            CountFds(slot.Pid),
            DateTimeOffset.FromUnixTimeMilliseconds(started));
    }

    // Only the reported processes have their descriptors counted. Since Linux 6.2 the size that stat gives for
    // /proc/[pid]/fd is the number of open descriptors: one syscall instead of listing hundreds of entries.
    private static unsafe int CountFds(int pid)
    {
        Span<byte> path = stackalloc byte[32];
        var fdPath = ProcFile.PidPath(path, pid, "fd"u8);
        var statx = stackalloc byte[256];
        fixed (byte* p = fdPath)
        {
            if (LibC.Statx(LibC.AtFdCwd, p, 0, LibC.StatxSize, statx) == 0 && *(long*)(statx + LibC.StatxSizeOffset) is > 0 and var size)
            {
                return (int)size;
            }
        }

        return CountFdsByListing(pid);
    }

    private static int CountFdsByListing(int pid)
    {
        try
        {
            var entries = new FileSystemEnumerable<byte>($"/proc/{pid}/fd", static (ref FileSystemEntry _) => 0, FdOptions);
            var count = 0;
            foreach (var _ in entries)
            {
                count++;
            }

            return count;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return -1;
        }
    }
}
