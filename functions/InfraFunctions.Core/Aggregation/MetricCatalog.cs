namespace InfraFunctions.Core.Aggregation;

/// <summary>Every metric a summary reports, listed once; raw-sample and rollup summaries both read through it.</summary>
public static class MetricCatalog
{
    public static readonly SummaryMetric Cpu = new("cpu_percent", "cpu", r => r.CpuPercent);
    public static readonly SummaryMetric Memory = new("memory_percent", "mem", r => r.MemoryPercent);
    public static readonly SummaryMetric Disk = new("disk_percent", "disk", r => r.DiskPercent);
    public static readonly SummaryMetric Swap = new("swap_percent", "swap", r => r.SwapPercent);
    public static readonly SummaryMetric Load1 = new("load_1m", "load1", r => r.Load1);
    public static readonly SummaryMetric NetworkSent = new("network_sent_bytes_per_sec", "net_tx", r => r.NetworkSentBytesPerSec);
    public static readonly SummaryMetric NetworkReceived = new("network_recv_bytes_per_sec", "net_rx", r => r.NetworkRecvBytesPerSec);
    public static readonly SummaryMetric Health = new("health_score", "health", r => r.HealthScore);

    /// <summary>In the order a summary's <c>metrics</c> lists them.</summary>
    public static readonly IReadOnlyList<SummaryMetric> All = [Cpu, Memory, Disk, Swap, Load1, NetworkSent, NetworkReceived, Health];

    /// <summary>A chart point whose every metric is <paramref name="value"/> of that metric.</summary>
    public static SummaryPoint Point(DateTimeOffset timestamp, Func<SummaryMetric, double> value) =>
        new(timestamp, value(Cpu), value(Memory), value(Disk), value(Swap), value(Load1), value(NetworkSent), value(NetworkReceived), value(Health));
}
