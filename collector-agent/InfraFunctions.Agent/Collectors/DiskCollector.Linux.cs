using System.Text;
using InfraFunctions.Agent.Native;
using InfraFunctions.Agent.Parsing;
using InfraFunctions.Contracts;

namespace InfraFunctions.Agent.Collectors;

/// <summary>Real filesystems from <c>/proc/mounts</c>, their space from statvfs and IO rates from <c>/proc/diskstats</c>.</summary>
internal sealed class DiskCollector(TimeProvider time)
{
    private static readonly byte[] MountsPath = "/proc/mounts\0"u8.ToArray();
    private static readonly byte[] DiskStatsPath = "/proc/diskstats\0"u8.ToArray();

    private byte[] buffer = new byte[16 * 1024];
    private byte[] lastMounts = [];
    private Tracked[] tracked = [];
    private long previousTimestamp;

    public (DiskMetrics Root, IReadOnlyList<DiskMount> Mounts) Collect()
    {
        RefreshMounts();
        var now = time.GetTimestamp();
        var seconds = previousTimestamp == 0 ? 0 : time.GetElapsedTime(previousTimestamp, now).TotalSeconds;
        previousTimestamp = now;
        var statsLength = ProcFile.ReadAll(DiskStatsPath, ref buffer);
        var stats = buffer.AsSpan(0, Math.Max(statsLength, 0));

        var mounts = new List<DiskMount>(tracked.Length);
        DiskMetrics? root = null;
        foreach (var disk in tracked)
        {
            if (DiskSpace.Read(disk.Mount.MountPoint) is not { } space)
            {
                continue;
            }

            double readRate = 0, writeRate = 0;
            if (DiskStatsParser.TryFind(stats, disk.KernelName, out var io))
            {
                if (disk.HasPrevious)
                {
                    readRate = Units.PerSecond(disk.Previous.ReadBytes, io.ReadBytes, seconds);
                    writeRate = Units.PerSecond(disk.Previous.WriteBytes, io.WriteBytes, seconds);
                }

                disk.Previous = io;
                disk.HasPrevious = true;
            }

            var mount = new DiskMount(
                disk.Mount.MountPoint, disk.Mount.Device, disk.Mount.FsType,
                Units.Gb(space.Total), Units.Gb(space.Used), Units.Gb(space.Available), space.Percent, readRate, writeRate);
            mounts.Add(mount);
            if (disk.Mount.MountPoint == "/")
            {
                root = new DiskMetrics(mount.TotalGb, mount.UsedGb, mount.FreeGb, mount.Percent);
            }
        }

        root ??= DiskSpace.Read("/") is { } r
            ? new DiskMetrics(Units.Gb(r.Total), Units.Gb(r.Used), Units.Gb(r.Available), r.Percent)
            : new DiskMetrics(0, 0, 0, 0);
        return (root, mounts);
    }

    // The mount table rarely changes: parse it again only when its text does.
    private void RefreshMounts()
    {
        var length = ProcFile.ReadAll(MountsPath, ref buffer);
        var text = buffer.AsSpan(0, Math.Max(length, 0));
        if (text.SequenceEqual(lastMounts))
        {
            return;
        }

        lastMounts = text.ToArray();
        var real = MountsParser.ParseReal(text);
        var next = new Tracked[real.Count];
        for (var i = 0; i < real.Count; i++)
        {
            next[i] = Array.Find(tracked, t => t.Mount == real[i]) ?? new Tracked(real[i], KernelName(real[i].Device));
        }

        tracked = next;
    }

    // /dev/mapper/vg-root is a link to ../dm-0, and diskstats knows the device by that kernel name.
    private static byte[] KernelName(string device)
    {
        var name = Path.GetFileName(device);
        try
        {
            if (device.StartsWith("/dev/", StringComparison.Ordinal) && File.ResolveLinkTarget(device, true) is { } target)
            {
                name = target.Name;
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return Encoding.UTF8.GetBytes(name);
    }

    private sealed class Tracked(MountEntry mount, byte[] kernelName)
    {
        public MountEntry Mount { get; } = mount;

        public byte[] KernelName { get; } = kernelName;

        public DiskIo Previous { get; set; }

        public bool HasPrevious { get; set; }
    }
}
