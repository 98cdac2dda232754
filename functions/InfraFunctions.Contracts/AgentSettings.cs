namespace InfraFunctions.Contracts;

/// <summary>
/// Agent settings an operator chose for a host or for a tag, carried by the ingest reply. A null field leaves the
/// agent's own value alone; the agent's configuration file still wins wherever it sets a value explicitly.
/// </summary>
/// <param name="Watch">Process names always reported, whatever their rank.</param>
/// <param name="Top">How many processes by CPU and by memory each sample lists.</param>
/// <param name="SampleIntervalSeconds">How often the agent samples, within <see cref="AgentSettingRules"/>' bounds.</param>
/// <param name="Collectors">Optional collectors to turn on (<see cref="AgentSettingRules.Collectors"/>).</param>
/// <param name="Sources">Where each set field came from, by its JSON name: <c>host</c>, or <c>tag key=value</c>.</param>
public sealed record AgentSettings(
    IReadOnlyList<string>? Watch = null,
    int? Top = null,
    double? SampleIntervalSeconds = null,
    IReadOnlyList<string>? Collectors = null,
    IReadOnlyDictionary<string, string>? Sources = null);
