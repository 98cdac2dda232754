using Names = InfraFunctions.Agent.AgentSettingNames;

namespace InfraFunctions.Agent;

/// <summary>
/// Finds which layer set each setting a server value could replace, the latest layer winning as in the merged
/// configuration. A blank value does not count: it leaves the default, as the readers treat it.
/// </summary>
internal static class SettingSources
{
    // The names of AgentSettingRules.Sources.
    public const string Default = "default";
    public const string Server = "server";
    public const string File = "file";
    public const string Environment = "environment";
    public const string Flag = "flag";

    // Each setting with the configuration keys that set it; "systemd" is {"enabled": ...} in the file.
    private static readonly (string Name, string[] Keys)[] Tracked =
    [
        (Names.Watch, [Names.Watch]),
        (Names.Top, [Names.Top]),
        (Names.SampleInterval, [Names.SampleInterval]),
        (Names.PostInterval, [Names.PostInterval]),
        (Names.SpoolDir, [Names.SpoolDir]),
        (Names.TextfileDir, [Names.TextfileDir]),
        (Names.Temperatures, [Names.Temperatures]),
        (Names.Systemd, [Names.Systemd, Names.SystemdEnabled]),
        (Names.Key, [Names.Key]),
        (Names.KeyFile, [Names.KeyFile]),
    ];

    public static Dictionary<string, string> Find(
        IReadOnlyDictionary<string, string?> file, IReadOnlyDictionary<string, string?> environment, IReadOnlyDictionary<string, string?> flags)
    {
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, keys) in Tracked)
        {
            var source = Sets(flags, keys) ? Flag
                : Sets(environment, keys) ? Environment
                : Sets(file, keys) ? File
                : null;
            if (source is not null)
            {
                sources[name] = source;
            }
        }

        return sources;
    }

    // A list in the file is flattened to "watch:0", "watch:1"; a scalar is the key itself.
    private static bool Sets(IReadOnlyDictionary<string, string?> layer, string[] keys) =>
        layer.Any(entry => SettingText.Trimmed(entry.Value) is not null
            && keys.Any(key => entry.Key.Equals(key, StringComparison.OrdinalIgnoreCase)
                || (entry.Key.StartsWith(key + ":", StringComparison.OrdinalIgnoreCase) && IsIndex(entry.Key.AsSpan(key.Length + 1)))));

    private static bool IsIndex(ReadOnlySpan<char> rest)
    {
        var colon = rest.IndexOf(':');
        var index = colon < 0 ? rest : rest[..colon];
        return index.Length > 0 && int.TryParse(index, out _);
    }
}
