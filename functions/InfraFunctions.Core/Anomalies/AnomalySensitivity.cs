namespace InfraFunctions.Core.Anomalies;

/// <summary>
/// How unusual a point must be. <see cref="ZThreshold"/> is the robust z-score (median/MAD) a point must reach;
/// <see cref="ShiftThreshold"/> is how far (in MAD units) the EWMA level must move from the rolling median.
/// 3.5 is the usual cut-off for the modified z-score (Iglewicz and Hoaglin).
/// </summary>
public sealed record AnomalySensitivity(string Name, double ZThreshold, double ShiftThreshold)
{
    public static readonly AnomalySensitivity Low = new("low", 5.0, 4.5);
    public static readonly AnomalySensitivity Medium = new("medium", 3.5, 3.0);
    public static readonly AnomalySensitivity High = new("high", 2.5, 2.0);

    public static IReadOnlyList<string> Names { get; } = ["low", "medium", "high"];

    public static AnomalySensitivity? Parse(string? name) => (name ?? "medium") switch
    {
        "low" => Low,
        "medium" => Medium,
        "high" => High,
        _ => null,
    };
}
