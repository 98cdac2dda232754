namespace InfraFunctions.Core.Anomalies;

/// <summary>
/// One anomalous episode of a metric: consecutive unusual points are reported once, at the spike's peak or the level
/// shift's onset. <see cref="Score"/> is the robust z-score (MAD units) there.
/// </summary>
public sealed record Anomaly(
    DateTimeOffset Timestamp,
    string Metric,
    double Value,
    double Expected,
    double Score,
    string Direction,
    string Severity,
    string Kind,
    DateTimeOffset Until,
    string Baseline);
