namespace InfraFunctions.Agent;

/// <summary>
/// Parses <c>--name value</c> and <c>--name=value</c> flags into configuration keys. Unknown flags are an error,
/// so a mistyped flag cannot be silently ignored.
/// </summary>
internal static class CommandLineFlags
{
    private static readonly Dictionary<string, string> ValueFlags = new(StringComparer.Ordinal)
    {
        ["--endpoint"] = AgentSettingNames.Endpoint,
        ["--key"] = AgentSettingNames.Key,
        ["--host-id"] = AgentSettingNames.HostId,
        ["--sample-interval"] = AgentSettingNames.SampleInterval,
        ["--post-interval"] = AgentSettingNames.PostInterval,
        ["--watch"] = AgentSettingNames.Watch,
        ["--spool-dir"] = AgentSettingNames.SpoolDir,
        ["--queue-limit-mb"] = AgentSettingNames.QueueLimitMb,
        ["--top"] = AgentSettingNames.Top,
        ["--config"] = AgentSettingNames.Config,
        ["--key-file"] = AgentSettingNames.KeyFile,

        // Custom metrics (textfile collector) and temperatures.
        ["--textfile-dir"] = AgentSettingNames.TextfileDir,
        ["--custom-metrics-max-series"] = AgentSettingNames.CustomMetricsMaxSeries,
        ["--custom-metrics-max-label-values"] = AgentSettingNames.CustomMetricsMaxLabelValues,
        ["--temperatures"] = AgentSettingNames.Temperatures,

        ["--systemd"] = AgentSettingNames.Systemd,
        ["--watch-unit"] = AgentSettingNames.WatchUnits,
        ["--check"] = AgentSettingNames.Checks,
        ["--tag"] = AgentSettingNames.Tags,
    };

    // Flags that may be given several times; each adds to a comma list.
    private static readonly HashSet<string> Repeatable = new(StringComparer.Ordinal)
    {
        AgentSettingNames.Watch,
        AgentSettingNames.WatchUnits,
        AgentSettingNames.Checks,
        AgentSettingNames.Tags,
    };

    private static readonly Dictionary<string, AgentCommand> Commands = new(StringComparer.Ordinal)
    {
        ["--once"] = AgentCommand.Once,
        ["--post-once"] = AgentCommand.PostOnce,
        ["--enroll"] = AgentCommand.Enroll,
    };

    public static (Dictionary<string, string?> Values, AgentCommand Command) Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var command = AgentCommand.Run;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (Commands.TryGetValue(arg, out var chosen))
            {
                if (command != AgentCommand.Run && command != chosen)
                {
                    throw new AgentConfigurationException($"Give only one of {string.Join(", ", Commands.Keys)}.");
                }

                command = chosen;
                continue;
            }

            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var flag = eq > 0 ? arg[..eq] : arg;
            if (!ValueFlags.TryGetValue(flag, out var key))
            {
                throw new AgentConfigurationException($"Unknown flag '{flag}'. Flags: {string.Join(", ", Commands.Keys)}, {string.Join(", ", ValueFlags.Keys)}.");
            }

            string value;
            if (eq > 0)
            {
                value = arg[(eq + 1)..];
            }
            else if (i + 1 < args.Count)
            {
                value = args[++i];
            }
            else
            {
                throw new AgentConfigurationException($"Flag '{flag}' needs a value.");
            }

            values[key] = Repeatable.Contains(key) && values.TryGetValue(key, out var earlier) ? $"{earlier},{value}" : value;
        }

        return (values, command);
    }
}
