namespace InfraFunctions.Contracts;

/// <summary>One series read from a <c>*.prom</c> file of the agent's textfile directory (Prometheus text exposition format).</summary>
/// <param name="Name">Metric name, as in the file: <c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>, at most 200 characters.</param>
/// <param name="Value">The series' value.</param>
/// <param name="Labels">Label names and values, as in the file; omitted when it has none.</param>
/// <param name="Type">The family's <c># TYPE</c>: gauge, counter, untyped, summary or histogram; omitted when untyped.</param>
public sealed record CustomMetric(
    string Name,
    double Value,
    IReadOnlyDictionary<string, string>? Labels = null,
    string? Type = null);
