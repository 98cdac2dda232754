namespace InfraFunctions.Core.Rules;

/// <summary>
/// One kind of metric a rule can watch: its name, what it means, its unit and the label that picks a series
/// (<see cref="LabelKey"/>; required unless <see cref="LabelOptional"/>). <see cref="Read"/> takes the value from a sample,
/// null when the sample does not carry it (no data, never zero); <see cref="Series"/> lists the series a sample carries.
/// </summary>
public sealed record MetricFamily(
    string Name,
    string Title,
    string Unit,
    string? LabelKey,
    bool LabelOptional,
    Func<Sample, string?, double?> Read,
    Func<Sample, IEnumerable<string>> Series);
