namespace InfraFunctions.Core.Aggregation;

/// <summary>
/// The windows the anomalies, traces and metrics endpoints accept: the dashboard's own set. Anomalies scan raw
/// samples, so they stop at <see cref="RawLimit"/>.
/// </summary>
public static class ObservabilityWindows
{
    private static readonly Dictionary<string, TimeSpan> Windows = new(StringComparer.Ordinal)
    {
        ["5m"] = TimeSpan.FromMinutes(5),
        ["15m"] = TimeSpan.FromMinutes(15),
        ["1h"] = TimeSpan.FromHours(1),
        ["6h"] = TimeSpan.FromHours(6),
        ["12h"] = TimeSpan.FromHours(12),
        ["24h"] = TimeSpan.FromHours(24),
        ["7d"] = TimeSpan.FromDays(7),
        ["30d"] = TimeSpan.FromDays(30),
    };

    public static readonly TimeSpan RawLimit = TimeSpan.FromHours(24);

    public static IEnumerable<string> RawNames => Windows.Where(w => w.Value <= RawLimit).Select(w => w.Key);

    public static IEnumerable<string> Names => Windows.Keys;

    public static bool TryParse(string? name, string fallback, out string normalised, out TimeSpan window, bool rawOnly = false)
    {
        normalised = name ?? fallback;
        return Windows.TryGetValue(normalised, out window) && (!rawOnly || window <= RawLimit);
    }
}
