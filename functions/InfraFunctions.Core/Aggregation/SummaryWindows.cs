namespace InfraFunctions.Core.Aggregation;

/// <summary>The time windows a summary accepts.</summary>
public static class SummaryWindows
{
    public const int MaxPoints = 500;

    private static readonly Dictionary<string, TimeSpan> Windows = new(StringComparer.Ordinal)
    {
        ["5m"] = TimeSpan.FromMinutes(5),
        ["15m"] = TimeSpan.FromMinutes(15),
        ["1h"] = TimeSpan.FromHours(1),
        ["6h"] = TimeSpan.FromHours(6),
        ["24h"] = TimeSpan.FromHours(24),
        ["7d"] = TimeSpan.FromDays(7),
        ["30d"] = TimeSpan.FromDays(30),
        ["90d"] = TimeSpan.FromDays(90),
        ["365d"] = TimeSpan.FromDays(365),
    };

    /// <summary>Windows up to this long read raw samples; longer ones read rollups (README "Data").</summary>
    public static readonly TimeSpan RawUpTo = TimeSpan.FromHours(6);

    public static IEnumerable<string> Names => Windows.Keys;

    public static bool TryParse(string? name, out TimeSpan window) => Windows.TryGetValue(name ?? "1h", out window);
}
