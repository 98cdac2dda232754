using System.Globalization;
using InfraFunctions.Contracts;
using Microsoft.Extensions.Configuration;
using Names = InfraFunctions.Agent.AgentSettingNames;

namespace InfraFunctions.Agent;

/// <summary>
/// Reads and checks each setting by hand: the watch list comes as a JSON array from the file and as a comma
/// list from the environment and flags, and each error must name its setting.
/// </summary>
internal static class AgentOptionsReader
{
    public static AgentOptions Read(IConfiguration configuration, bool requireServer)
    {
        var defaults = new AgentOptions();
        var endpoint = Text(configuration, Names.Endpoint);
        var key = Text(configuration, Names.Key);
        if (requireServer && endpoint is null)
        {
            throw Invalid(Names.Endpoint, "is required: the function app's base URL, such as https://myapp.azurewebsites.net");
        }

        Uri? endpointUri = null;
        if (endpoint is not null && (!Uri.TryCreate(endpoint, UriKind.Absolute, out endpointUri) || endpointUri.Scheme is not ("http" or "https")))
        {
            throw Invalid(Names.Endpoint, $"must be an absolute http or https URL (got '{endpoint}')");
        }

        if (key is not null && key.Any(char.IsWhiteSpace))
        {
            throw Invalid(Names.Key, "must not contain whitespace");
        }

        var hostId = Text(configuration, Names.HostId) ?? defaults.HostId;
        if (hostId.Length > 128 || hostId.Any(char.IsControl) || hostId.IndexOfAny(['/', '\\', '#', '?']) >= 0)
        {
            throw Invalid(Names.HostId, $"must be 1-128 printable characters without / \\ # ? (got '{hostId}')");
        }

        return new AgentOptions
        {
            Endpoint = endpointUri,
            Key = key,
            KeyFile = Text(configuration, Names.KeyFile) ?? defaults.KeyFile,
            HostId = hostId,
            SampleInterval = TimeSpan.FromSeconds(Number(configuration, Names.SampleInterval, defaults.SampleInterval.TotalSeconds, 1, 3600)),
            PostInterval = TimeSpan.FromSeconds(Number(configuration, Names.PostInterval, defaults.PostInterval.TotalSeconds, 2, 3600)),
            Watch = WatchList(configuration),
            SpoolDir = Text(configuration, Names.SpoolDir) ?? defaults.SpoolDir,
            QueueLimitBytes = (long)(Number(configuration, Names.QueueLimitMb, defaults.QueueLimitBytes / (1024.0 * 1024), 0.1, 1_000_000) * 1024 * 1024),
            Top = (int)Number(configuration, Names.Top, defaults.Top, 0, 100, integer: true),

            // Custom metrics (textfile collector) and temperatures.
            TextfileDir = Text(configuration, Names.TextfileDir),
            CustomMetricsMaxSeries = (int)Number(configuration, Names.CustomMetricsMaxSeries, defaults.CustomMetricsMaxSeries, 1, CustomMetricRules.MaxSeriesPerSample, integer: true),
            CustomMetricsMaxLabelValues = (int)Number(configuration, Names.CustomMetricsMaxLabelValues, defaults.CustomMetricsMaxLabelValues, 1, CustomMetricRules.MaxSeriesPerSample, integer: true),
            Temperatures = Flag(configuration, Names.Temperatures, defaults.Temperatures),

            Systemd = SystemdSettingsReader.Enabled(configuration),
            WatchUnits = SystemdSettingsReader.WatchUnits(configuration),
            Checks = CheckSettingsReader.Read(configuration),
            Tags = TagSettingsReader.Read(configuration),
        };
    }

    private static bool Flag(IConfiguration configuration, string name, bool fallback)
    {
        var text = Text(configuration, name);
        if (text is null)
        {
            return fallback;
        }

        return bool.TryParse(text, out var value) ? value : throw Invalid(name, $"must be true or false (got '{text}')");
    }

    private static string? Text(IConfiguration configuration, string name) => SettingText.Trimmed(configuration[name]);

    private static double Number(IConfiguration configuration, string name, double fallback, double min, double max, bool integer = false)
    {
        var text = Text(configuration, name);
        if (text is null)
        {
            return fallback;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || value < min || value > max || (integer && value != Math.Floor(value)))
        {
            var kind = integer ? "a whole number" : "a number";
            throw Invalid(name, $"must be {kind} from {min} to {max} (got '{text}')");
        }

        return value;
    }

    private static string[] WatchList(IConfiguration configuration) =>
        SettingText.Items(configuration.GetSection(Names.Watch)).Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToArray();

    private static AgentConfigurationException Invalid(string name, string problem) =>
        new($"Invalid configuration: {Names.Describe(name)} {problem}.");
}
