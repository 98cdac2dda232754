namespace InfraFunctions.Core.Validation;

/// <summary>Range rules for every metric of a sample: percentages 0-100, sizes, counters and rates non-negative; the other parts in <see cref="SamplePartRules"/>.</summary>
internal static class SampleRules
{
    private const int MaxListItems = 512;

    public static void Check(Sample s, SampleErrors e)
    {
        e.Percent("cpu.percent", s.Cpu.Percent);
        if (s.Cpu.Count < 1)
        {
            e.Add($"cpu.count: must be at least 1 (got {s.Cpu.Count}).");
        }

        e.NonNegative("cpu.freq_mhz", s.Cpu.FreqMhz);
        if (s.Cpu.PerCore is { } cores)
        {
            Limit("cpu.per_core", cores.Count, e);
            for (var i = 0; i < cores.Count && i < MaxListItems; i++)
            {
                e.Percent($"cpu.per_core[{i}]", cores[i]);
            }
        }

        if (s.Cpu.LoadAvg is { } load)
        {
            e.NonNegative("cpu.load_avg.one", load.One);
            e.NonNegative("cpu.load_avg.five", load.Five);
            e.NonNegative("cpu.load_avg.fifteen", load.Fifteen);
        }

        e.NonNegative("memory.total_gb", s.Memory.TotalGb);
        e.NonNegative("memory.used_gb", s.Memory.UsedGb);
        e.NonNegative("memory.available_gb", s.Memory.AvailableGb);
        e.Percent("memory.percent", s.Memory.Percent);
        if (s.Memory.Swap is { } swap)
        {
            e.NonNegative("memory.swap.total_gb", swap.TotalGb);
            e.NonNegative("memory.swap.used_gb", swap.UsedGb);
            e.Percent("memory.swap.percent", swap.Percent);
        }

        CheckDisk("disk", s.Disk.TotalGb, s.Disk.UsedGb, s.Disk.FreeGb, s.Disk.Percent, e);
        CheckNetwork(s.Network, e);
        CheckDisks(s.Disks, e);
        CheckProcesses(s.Processes, e);
        CheckContainers(s.Containers, e);
        SamplePartRules.Check(s, e);
    }

    private static void CheckDisk(string field, double total, double used, double free, double percent, SampleErrors e)
    {
        e.NonNegative($"{field}.total_gb", total);
        e.NonNegative($"{field}.used_gb", used);
        e.NonNegative($"{field}.free_gb", free);
        e.Percent($"{field}.percent", percent);
    }

    private static void CheckNetwork(NetworkMetrics n, SampleErrors e)
    {
        e.NonNegative("network.bytes_sent", n.BytesSent);
        e.NonNegative("network.bytes_recv", n.BytesRecv);
        e.NonNegative("network.connections", n.Connections);
        e.NonNegative("network.sent_bytes_per_sec", n.SentBytesPerSec);
        e.NonNegative("network.recv_bytes_per_sec", n.RecvBytesPerSec);
    }

    private static void CheckDisks(IReadOnlyList<DiskMount>? disks, SampleErrors e)
    {
        if (disks is null)
        {
            return;
        }

        Limit("disks", disks.Count, e);
        for (var i = 0; i < disks.Count && i < MaxListItems; i++)
        {
            var d = disks[i];
            e.Text($"disks[{i}].mount", d.Mount, 1024);
            e.Text($"disks[{i}].device", d.Device, 1024);
            e.Text($"disks[{i}].fs_type", d.FsType, 64);
            CheckDisk($"disks[{i}]", d.TotalGb, d.UsedGb, d.FreeGb, d.Percent, e);
            e.NonNegative($"disks[{i}].read_bytes_per_sec", d.ReadBytesPerSec);
            e.NonNegative($"disks[{i}].write_bytes_per_sec", d.WriteBytesPerSec);
        }
    }

    private static void CheckProcesses(IReadOnlyList<ProcessInfo>? processes, SampleErrors e)
    {
        if (processes is null)
        {
            return;
        }

        Limit("processes", processes.Count, e);
        for (var i = 0; i < processes.Count && i < MaxListItems; i++)
        {
            var p = processes[i];
            var f = $"processes[{i}]";
            e.NonNegative($"{f}.pid", p.Pid);
            e.Text($"{f}.name", p.Name, 256);
            e.Text($"{f}.status", p.Status, 32);
            e.NonNegative($"{f}.cpu_percent", p.CpuPercent);
            e.NonNegative($"{f}.memory_mb", p.MemoryMb);
            e.Percent($"{f}.memory_percent", p.MemoryPercent);
            e.NonNegative($"{f}.num_threads", p.NumThreads);
            if (p.NumFds < -1)
            {
                e.Add($"{f}.num_fds: must be at least 0, or -1 when unknown (got {p.NumFds}).");
            }
        }
    }

    private static void CheckContainers(IReadOnlyList<ContainerInfo>? containers, SampleErrors e)
    {
        if (containers is null)
        {
            return;
        }

        Limit("containers", containers.Count, e);
        for (var i = 0; i < containers.Count && i < MaxListItems; i++)
        {
            var c = containers[i];
            e.Text($"containers[{i}].id", c.Id, 256);
            e.Text($"containers[{i}].runtime", c.Runtime, 32);
            e.NonNegative($"containers[{i}].cpu_percent", c.CpuPercent);
            e.NonNegative($"containers[{i}].memory_bytes", c.MemoryBytes);
            e.NonNegative($"containers[{i}].memory_limit_bytes", c.MemoryLimitBytes);
        }
    }

    private static void Limit(string field, int count, SampleErrors e)
    {
        if (count > MaxListItems)
        {
            e.Add($"{field}: has {count} items; the limit is {MaxListItems}.");
        }
    }
}
