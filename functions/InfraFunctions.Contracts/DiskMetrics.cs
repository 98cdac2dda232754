namespace InfraFunctions.Contracts;

/// <summary>A filesystem's space, as <c>df</c> computes it.</summary>
/// <param name="TotalGb">Size in GB.</param>
/// <param name="UsedGb">Used space in GB.</param>
/// <param name="FreeGb">Space available to unprivileged users in GB.</param>
/// <param name="Percent">Used share as df shows it: used / (used + free), 0-100.</param>
public sealed record DiskMetrics(double TotalGb, double UsedGb, double FreeGb, double Percent);
