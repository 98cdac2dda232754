namespace InfraFunctions.Contracts;

/// <summary>Physical memory, with <c>available</c> as the kernel's MemAvailable.</summary>
/// <param name="TotalGb">Total RAM in GB (2^30 bytes).</param>
/// <param name="UsedGb">Used RAM in GB: total minus available.</param>
/// <param name="AvailableGb">Available RAM in GB.</param>
/// <param name="Percent">Used share, 0-100.</param>
/// <param name="Swap">Swap space, when any.</param>
public sealed record MemoryMetrics(
    double TotalGb,
    double UsedGb,
    double AvailableGb,
    double Percent,
    SwapMetrics? Swap = null);
