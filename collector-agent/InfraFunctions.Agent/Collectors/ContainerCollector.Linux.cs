using InfraFunctions.Agent.Native;
using InfraFunctions.Agent.Parsing;
using InfraFunctions.Contracts;

namespace InfraFunctions.Agent.Collectors;

/// <summary>Container cgroups (v2): CPU percent from <c>usage_usec</c> deltas, <c>memory.current</c> and <c>memory.max</c>.</summary>
internal sealed class ContainerCollector(TimeProvider time, string? cgroupRoot)
{
    // Walking the cgroup tree costs a directory listing per cgroup; containers come and go far less often than samples.
    private static readonly TimeSpan RediscoverEvery = TimeSpan.FromSeconds(30);
    private const int MaxDepth = 7;

    private byte[] buffer = new byte[4096];
    private List<ContainerCgroup> containers = [];
    private long discoveredAt;

    public IReadOnlyList<ContainerInfo> Collect()
    {
        if (cgroupRoot is null)
        {
            return [];
        }

        var now = time.GetTimestamp();
        if (discoveredAt == 0 || time.GetElapsedTime(discoveredAt, now) >= RediscoverEvery)
        {
            Discover();
            discoveredAt = now;
        }

        var result = new List<ContainerInfo>(containers.Count);
        foreach (var container in containers)
        {
            var cpuLength = ProcFile.ReadAll(container.CpuStatPath, ref buffer);
            if (cpuLength < 0)
            {
                continue; // the container stopped since discovery
            }

            var usage = CgroupParser.ParseUsageMicroseconds(buffer.AsSpan(0, cpuLength));
            var memoryLength = ProcFile.ReadAll(container.MemoryCurrentPath, ref buffer);
            var memory = memoryLength > 0 ? CgroupParser.ParseMemoryCurrent(buffer.AsSpan(0, memoryLength)) : 0;
            var maxLength = ProcFile.ReadAll(container.MemoryMaxPath, ref buffer);
            var limit = maxLength > 0 ? CgroupParser.ParseMemoryMax(buffer.AsSpan(0, maxLength)) : 0;
            var percent = container.PercentSince(usage, now, time);
            result.Add(new ContainerInfo(container.Id, container.Runtime, percent, memory, limit));
        }

        return result;
    }

    private void Discover()
    {
        var found = new List<ContainerCgroup>();
        Walk(cgroupRoot!, 0, found);
        // Keep the previous readings of containers that are still there, so their CPU percent continues.
        for (var i = 0; i < found.Count; i++)
        {
            found[i] = containers.Find(c => c.Directory == found[i].Directory) ?? found[i];
        }

        containers = found;
    }

    private static void Walk(string directory, int depth, List<ContainerCgroup> found)
    {
        IEnumerable<string> children;
        try
        {
            children = Directory.EnumerateDirectories(directory);
            foreach (var child in children)
            {
                var name = Path.GetFileName(child);
                if (CgroupParser.TryParseContainer(name, Path.GetFileName(directory), out var runtime, out var id))
                {
                    found.Add(new ContainerCgroup(child, runtime, id));
                }
                else if (depth < MaxDepth)
                {
                    Walk(child, depth + 1, found);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A cgroup removed while walking, or one this user may not list.
        }
    }

    /// <summary>Where cgroup v2 is mounted (<c>/sys/fs/cgroup</c>, or <c>/sys/fs/cgroup/unified</c> on hybrid hosts).</summary>
    public static string? FindCgroup2Root()
    {
        try
        {
            var text = File.ReadAllBytes("/proc/mounts");
            return MountsParser.ParseAll(text).Find(m => m.FsType == "cgroup2")?.MountPoint;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
