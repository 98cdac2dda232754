namespace InfraFunctions.Contracts;

/// <summary>One reading of a host at one moment.</summary>
/// <param name="Timestamp">When the reading was taken (UTC). It identifies the sample: a retried post overwrites, never duplicates.</param>
/// <param name="Cpu">CPU usage.</param>
/// <param name="Memory">Memory and swap.</param>
/// <param name="Disk">The root filesystem: the one disk figure that thresholds, scores and alerts use (every mount is in <c>Disks</c>).</param>
/// <param name="Network">Network totals, rates and connections.</param>
/// <param name="Disks">Every real mounted filesystem.</param>
/// <param name="Processes">Top processes by CPU and memory, watched processes and the agent itself.</param>
/// <param name="Containers">Container cgroups, when the host runs any.</param>
public sealed record Sample(
    DateTimeOffset Timestamp,
    CpuMetrics Cpu,
    MemoryMetrics Memory,
    DiskMetrics Disk,
    NetworkMetrics Network,
    IReadOnlyList<DiskMount>? Disks = null,
    IReadOnlyList<ProcessInfo>? Processes = null,
    IReadOnlyList<ContainerInfo>? Containers = null);
