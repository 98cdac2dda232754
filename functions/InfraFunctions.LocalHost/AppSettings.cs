namespace InfraFunctions.LocalHost;

/// <summary>
/// The function app's settings, as Azure hands them to the worker: environment variables. LocalHost passes its own
/// environment through (as the Functions host does) plus every entry of its <c>Values</c> section, the same
/// section Core Tools reads from local.settings.json; a <c>:</c> in a name becomes <c>__</c>. A variable set in
/// LocalHost's environment wins over a <c>Values</c> default.
/// </summary>
public sealed class AppSettings(IConfiguration configuration)
{
    public const string SectionName = "Values";

    /// <summary>A setting by name: LocalHost's environment, else the <c>Values</c> entry.</summary>
    public string? this[string name] => configuration[name] ?? configuration[$"{SectionName}:{name}"];

    /// <summary>The environment variables the worker gets on top of LocalHost's own.</summary>
    public IReadOnlyDictionary<string, string> ForWorker() =>
        configuration.GetSection(SectionName).AsEnumerable(makePathsRelative: true)
            .Where(entry => entry.Value is not null && configuration[entry.Key] is null)
            .ToDictionary(entry => entry.Key.Replace(":", "__", StringComparison.Ordinal), entry => entry.Value!, StringComparer.Ordinal);
}
