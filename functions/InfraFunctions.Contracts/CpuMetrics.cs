namespace InfraFunctions.Contracts;

/// <summary>CPU usage over the last sampling interval.</summary>
/// <param name="Percent">Overall busy share, 0-100.</param>
/// <param name="Count">Logical CPUs.</param>
/// <param name="FreqMhz">Current frequency in MHz (0 when the host does not expose it).</param>
/// <param name="PerCore">Busy share of each logical CPU, 0-100.</param>
/// <param name="LoadAvg">Load average over 1, 5 and 15 minutes.</param>
public sealed record CpuMetrics(
    double Percent,
    int Count,
    double FreqMhz,
    IReadOnlyList<double>? PerCore = null,
    LoadAverage? LoadAvg = null);
