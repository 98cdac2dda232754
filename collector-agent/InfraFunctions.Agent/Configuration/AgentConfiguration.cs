using System.Collections;
using Microsoft.Extensions.Configuration;

namespace InfraFunctions.Agent;

/// <summary>Layers the configuration file, <c>INFRA_AGENT_</c> environment variables and flags, later ones winning.</summary>
internal static class AgentConfiguration
{
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

        IConfiguration configuration;
        try
        {
            configuration = new ConfigurationBuilder()
                .AddJsonFile(Path.GetFullPath(path), optional: true, reloadOnChange: false)
                .AddInMemoryCollection(env)
                .AddInMemoryCollection(flags)
                .Build();
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or IOException or UnauthorizedAccessException)
        {
            throw new AgentConfigurationException($"Configuration file '{path}' cannot be read: {e.Message}");
        }

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
