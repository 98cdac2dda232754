namespace InfraFunctions.Contracts;

/// <summary>A container's cgroup (v2) usage.</summary>
/// <param name="Id">Container id, from the cgroup scope name.</param>
/// <param name="Runtime">docker, containerd or podman.</param>
/// <param name="CpuPercent">CPU share over the last interval, of one core.</param>
/// <param name="MemoryBytes">Current memory use in bytes.</param>
/// <param name="MemoryLimitBytes">Memory limit in bytes, or 0 when unlimited.</param>
public sealed record ContainerInfo(
    string Id,
    string Runtime,
    double CpuPercent,
    long MemoryBytes,
    long MemoryLimitBytes);
