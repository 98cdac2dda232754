using InfraFunctions.Contracts;

namespace InfraFunctions.Agent.Collectors;

/// <summary>What the textfile collector adds to a sample.</summary>
/// <param name="Metrics">The series within the limits, in file name order.</param>
/// <param name="Errors">Malformed or unreadable files and the limits series were dropped for; null when none.</param>
/// <param name="Dropped">Series left out: past a limit, breaking a name or label rule, or not finite.</param>
internal sealed record TextfileResult(IReadOnlyList<CustomMetric> Metrics, IReadOnlyList<CollectorError>? Errors, long Dropped)
{
    public const string Collector = "textfile";

    public static TextfileResult Empty { get; } = new([], null, 0);
}
