namespace InfraFunctions.Core.Storage;

/// <summary>The numeric columns of one stored sample: what summaries and rollups read without parsing JSON.</summary>
public sealed record SampleRow(
    DateTimeOffset Timestamp,
    double CpuPercent,
    double MemoryPercent,
    double DiskPercent,
    double SwapPercent,
    double Load1,
    double NetworkSentBytesPerSec,
    double NetworkRecvBytesPerSec,
    double HealthScore);
