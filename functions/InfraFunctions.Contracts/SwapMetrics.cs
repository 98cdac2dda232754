namespace InfraFunctions.Contracts;

/// <summary>Swap space.</summary>
/// <param name="TotalGb">Total swap in GB.</param>
/// <param name="UsedGb">Used swap in GB.</param>
/// <param name="Percent">Used share, 0-100 (0 with no swap).</param>
public sealed record SwapMetrics(double TotalGb, double UsedGb, double Percent);
