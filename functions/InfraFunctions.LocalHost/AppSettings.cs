namespace InfraFunctions.LocalHost;

/// <summary>
/// The function app's settings, as Azure hands them to the worker: environment variables. LocalHost passes its own
/// environment through (as the Functions host does) plus every entry of its <c>Values</c> section, the same
/// section Core Tools reads from local.settings.json; a <c>:</c> in a name becomes <c>__</c>.
/// </summary>
public sealed class AppSettings(IConfiguration configuration)
{
    public const string SectionName = "Values";

    /// <summary>A setting by name: the <c>Values</c> entry, else LocalHost's own configuration (its environment).</summary>
    public string? this[string name] => configuration[$"{SectionName}:{name}"] ?? configuration[name];

    /// <summary>The environment variables the worker gets on top of LocalHost's own.</summary>
    public IReadOnlyDictionary<string, string> ForWorker() =>
        configuration.GetSection(SectionName).AsEnumerable(makePathsRelative: true)
            .Where(entry => entry.Value is not null)
            .ToDictionary(entry => entry.Key.Replace(":", "__", StringComparison.Ordinal), entry => entry.Value!, StringComparer.Ordinal);
}
