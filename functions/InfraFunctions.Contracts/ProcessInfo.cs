namespace InfraFunctions.Contracts;

/// <summary>One process as the agent reads it from <c>/proc</c>.</summary>
/// <param name="Pid">Process id.</param>
/// <param name="Name">Process name.</param>
/// <param name="Status">running, sleeping, idle, disk-sleep, stopped, zombie...</param>
/// <param name="CpuPercent">CPU share over the last interval, of one core (may exceed 100 on several cores).</param>
/// <param name="MemoryMb">Resident set size in MB (2^20 bytes).</param>
/// <param name="MemoryPercent">RSS as a share of total RAM, 0-100.</param>
/// <param name="NumThreads">Threads.</param>
/// <param name="NumFds">Open file descriptors (-1 when not readable).</param>
/// <param name="CreateTime">When the process started (UTC).</param>
public sealed record ProcessInfo(
    int Pid,
    string Name,
    string Status,
    double CpuPercent,
    double MemoryMb,
    double MemoryPercent,
    int NumThreads,
    int NumFds,
    DateTimeOffset CreateTime);
