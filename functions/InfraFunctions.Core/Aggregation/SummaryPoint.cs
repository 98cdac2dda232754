using System.Text.Json.Serialization;

namespace InfraFunctions.Core.Aggregation;

/// <summary>One point of a summary's chart series: a raw sample, or the average of the samples or rollups it stands for.</summary>
public sealed record SummaryPoint(
    DateTimeOffset Timestamp,
    double CpuPercent,
    double MemoryPercent,
    double DiskPercent,
    double SwapPercent,
    [property: JsonPropertyName("load_1m")] double Load1,
    double NetworkSentBytesPerSec,
    double NetworkRecvBytesPerSec,
    double HealthScore);
