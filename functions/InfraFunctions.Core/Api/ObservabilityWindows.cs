namespace InfraFunctions.Core.Api;

/// <summary>The windows the anomalies, traces and metrics endpoints accept (anomalies scan raw samples, so at most 24 h).</summary>
public static class ObservabilityWindows
{
    private static readonly Dictionary<string, TimeSpan> Windows = new(StringComparer.Ordinal)
    {
        ["15m"] = TimeSpan.FromMinutes(15),
        ["1h"] = TimeSpan.FromHours(1),
        ["6h"] = TimeSpan.FromHours(6),
        ["12h"] = TimeSpan.FromHours(12),
        ["24h"] = TimeSpan.FromHours(24),
    };

    public static IEnumerable<string> Names => Windows.Keys;

    public static bool TryParse(string? name, string fallback, out string normalised, out TimeSpan window)
    {
        normalised = name ?? fallback;
        return Windows.TryGetValue(normalised, out window);
    }

    public static Microsoft.AspNetCore.Mvc.IActionResult Invalid(string? name) =>
        ApiResults.BadRequest($"window '{name}' is not supported; use one of {string.Join(", ", Names)}.",
            new Dictionary<string, string[]> { ["window"] = [$"Use one of {string.Join(", ", Names)}."] });
}
