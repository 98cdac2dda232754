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
/// <param name="CustomMetrics">Series from the agent's textfile directory; the agent sends an empty list when it has none.</param>
/// <param name="Temperatures">Temperature sensors; an empty list on a host without any.</param>
/// <param name="SystemdUnits">Failed and watched systemd units; an empty list where there is no system bus or nothing to report.</param>
/// <param name="Checks">The latest result of each configured service check.</param>
/// <param name="CollectorErrors">Problems collectors had with this sample, such as a malformed <c>.prom</c> file; omitted when none.</param>
/// <param name="DroppedCustomMetrics">Custom series left out of this sample because they were past a configured limit.</param>
public sealed record Sample(
    DateTimeOffset Timestamp,
    CpuMetrics Cpu,
    MemoryMetrics Memory,
    DiskMetrics Disk,
    NetworkMetrics Network,
    IReadOnlyList<DiskMount>? Disks = null,
    IReadOnlyList<ProcessInfo>? Processes = null,
    IReadOnlyList<ContainerInfo>? Containers = null,
    IReadOnlyList<CustomMetric>? CustomMetrics = null,
    IReadOnlyList<Temperature>? Temperatures = null,
    IReadOnlyList<SystemdUnit>? SystemdUnits = null,
    IReadOnlyList<CheckResult>? Checks = null,
    IReadOnlyList<CollectorError>? CollectorErrors = null,
    long DroppedCustomMetrics = 0);
