namespace InfraFunctions.Core.Anomalies;

/// <summary>The result of scanning one host: anomalies newest first, the baseline each metric used, and the disk forecast.</summary>
public sealed record AnomalyFindings(IReadOnlyList<Anomaly> Anomalies, IReadOnlyDictionary<string, string> Baselines, DiskForecast? DiskForecast);
