namespace InfraFunctions.Core.Anomalies;

/// <summary>A disk projection: usage now (fitted), growth in points per day, and when it reaches 100%.</summary>
public sealed record DiskForecast(
    string Mount,
    double CurrentPercent,
    double SlopePercentPerDay,
    double? DaysToFull,
    DateTimeOffset? FullAt,
    bool Warning,
    string Message,
    int Points);
