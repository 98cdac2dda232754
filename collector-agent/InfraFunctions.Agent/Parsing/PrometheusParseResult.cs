namespace InfraFunctions.Agent.Parsing;

/// <summary>
/// What one <c>.prom</c> file holds. A file with an <see cref="Error"/> holds nothing: like node_exporter, one
/// malformed line skips the whole file, since its other series may be half-written or misread.
/// </summary>
/// <param name="Series">The series whose values can be sent.</param>
/// <param name="NonFinite">Series left out because their value was NaN or infinite, which JSON cannot carry.</param>
/// <param name="FirstNonFinite">The line and name of the first of them, for the collector's error.</param>
/// <param name="BrokenRules">Series left out because they break <c>CustomMetricRules</c> (name length, reserved prefix, label limits).</param>
/// <param name="FirstBrokenRule">The line of the first of them and the rule it breaks.</param>
/// <param name="ErrorLine">The malformed line (1-based), or 0 when the file could not be read.</param>
/// <param name="Error">What is wrong with the file; null when it was read.</param>
internal sealed record PrometheusParseResult(
    IReadOnlyList<ParsedSeries> Series,
    int NonFinite = 0,
    string? FirstNonFinite = null,
    int BrokenRules = 0,
    string? FirstBrokenRule = null,
    int ErrorLine = 0,
    string? Error = null)
{
    public static PrometheusParseResult Failed(int line, string error) => new([], ErrorLine: line, Error: error);
}
