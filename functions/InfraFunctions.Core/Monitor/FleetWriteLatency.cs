namespace InfraFunctions.Core.Monitor;

/// <summary>Table write latency of every instance over the window, in milliseconds, and how many writes it covers.</summary>
public sealed record FleetWriteLatency(double Mean, double Max, long Writes);
