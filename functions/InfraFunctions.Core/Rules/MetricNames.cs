namespace InfraFunctions.Core.Rules;

/// <summary>The metric names rules can watch; <see cref="RuleMetrics"/> says what each reads and which label it takes.</summary>
public static class MetricNames
{
    public const string CpuPercent = "cpu.percent";
    public const string MemoryPercent = "memory.percent";
    public const string MemoryAvailableGb = "memory.available_gb";
    public const string SwapPercent = "swap.percent";
    public const string DiskPercent = "disk.percent";
    public const string DiskFreeGb = "disk.free_gb";
    public const string DiskReadBytesPerSec = "disk.read_bytes_per_sec";
    public const string DiskWriteBytesPerSec = "disk.write_bytes_per_sec";
    public const string Load1m = "load.1m";
    public const string Load5m = "load.5m";
    public const string Load15m = "load.15m";
    public const string NetworkConnections = "network.connections";
    public const string NetworkSentBytesPerSec = "network.sent_bytes_per_sec";
    public const string NetworkRecvBytesPerSec = "network.recv_bytes_per_sec";
    public const string ProcessCpuPercent = "process.cpu_percent";
    public const string ProcessMemoryMb = "process.memory_mb";
    public const string ProcessCount = "process.count";
    public const string ContainerCpuPercent = "container.cpu_percent";
    public const string ContainerMemoryPercent = "container.memory_percent";
    public const string TemperatureCelsius = "temperature.celsius";

    /// <summary>A custom series is <c>custom.&lt;series name&gt;</c> with exactly its labels.</summary>
    public const string CustomPrefix = "custom.";
}
