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

    public static (AgentOptions Options, AgentCommand Command) Load(IReadOnlyList<string> args, IDictionary environment, string defaultConfigPath = AgentOptions.DefaultConfigPath)
    {
        var (flags, command) = CommandLineFlags.Parse(args);
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

        var enrollToken = SettingText.Trimmed(environment[AgentSettingNames.EnrollTokenVariable] as string);
        var options = AgentOptionsReader.Read(configuration, requireServer: command != AgentCommand.Once) with
        {
            EnrollToken = enrollToken,
            Sources = SettingSources.Find(file, env, flags),
        };
        return (WithKey(options, command), command);
    }

    // The key comes from "key" (the file, INFRA_AGENT_KEY or --key), else from key_file; with neither, the
    // enrollment token is traded for one when the agent starts.
    private static AgentOptions WithKey(AgentOptions options, AgentCommand command)
    {
        if (command == AgentCommand.Enroll)
        {
            return options.EnrollToken is null
                ? throw new AgentConfigurationException(
                    $"--enroll needs the enrollment token in {AgentSettingNames.EnrollTokenVariable} (never on the command line): an operator creates one in the dashboard or with POST /api/v1/observability/enrollment-tokens.")
                : options;
        }

        if (options.Key is not null || command == AgentCommand.Once)
        {
            return options;
        }

        if (KeyFile.Read(options.KeyFile) is { } stored)
        {
            return options with { Key = stored };
        }

        return options.EnrollToken is not null
            ? options
            : throw new AgentConfigurationException(
                $"Invalid configuration: {AgentSettingNames.Describe(AgentSettingNames.Key)} is required: the agent key issued for this host. "
                + $"Or write it to key_file ('{options.KeyFile}', mode 600), or set {AgentSettingNames.EnrollTokenVariable} to enroll with a token.");
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
