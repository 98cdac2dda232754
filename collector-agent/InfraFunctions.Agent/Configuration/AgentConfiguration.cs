using System.Collections;
using Microsoft.Extensions.Configuration;

namespace InfraFunctions.Agent;

/// <summary>Layers the configuration file, <c>INFRA_AGENT_</c> environment variables and flags, later ones winning.</summary>
internal static class AgentConfiguration
{
    /// <summary>
    /// Whether the key came as a flag: the command line of every process is readable by every local user
    /// (<c>/proc/PID/cmdline</c>, <c>ps</c>), unlike its environment and a mode-600 file.
    /// </summary>
    public static bool KeyOnCommandLine(IReadOnlyList<string> args) =>
        CommandLineFlags.Parse(args).Values.ContainsKey(AgentSettingNames.Key);

    public static (AgentOptions Options, bool Once) Load(IReadOnlyList<string> args, IDictionary environment, string defaultConfigPath = AgentOptions.DefaultConfigPath)
    {
        var (flags, once) = CommandLineFlags.Parse(args);
        var env = FromEnvironment(environment);
        var explicitPath = flags.GetValueOrDefault(AgentSettingNames.Config) ?? env.GetValueOrDefault(AgentSettingNames.Config);
        var path = explicitPath ?? defaultConfigPath;
        if (explicitPath is not null && !File.Exists(path))
        {
            throw new AgentConfigurationException($"Configuration file '{path}' (from 'config') does not exist.");
        }

        var file = JsonSettingsFile.Read(path);
        if (File.Exists(path))
        {
            ConfigurationFilePermissions.Check(path, holdsKey: !string.IsNullOrWhiteSpace(file.GetValueOrDefault(AgentSettingNames.Key)));
        }

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(file)
            .AddInMemoryCollection(env)
            .AddInMemoryCollection(flags)
            .Build();

        return (AgentOptionsReader.Read(configuration, requireServer: !once), once);
    }

    private static Dictionary<string, string?> FromEnvironment(IDictionary environment)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in environment)
        {
            if (entry.Key is string name && name.StartsWith(AgentSettingNames.EnvironmentPrefix, StringComparison.Ordinal))
            {
                values[name[AgentSettingNames.EnvironmentPrefix.Length..].ToLowerInvariant()] = entry.Value as string;
            }
        }

        return values;
    }
}
