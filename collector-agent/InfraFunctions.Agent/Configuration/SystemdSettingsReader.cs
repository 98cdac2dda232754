using Microsoft.Extensions.Configuration;
using Names = InfraFunctions.Agent.AgentSettingNames;

namespace InfraFunctions.Agent;

/// <summary>
/// Reads <c>systemd</c>: <c>{"enabled": true, "watch_units": [...]}</c> in the file; <c>INFRA_AGENT_SYSTEMD</c>,
/// <c>INFRA_AGENT_WATCH_UNITS</c> (comma list), <c>--systemd</c> and <c>--watch-unit</c> (repeatable) override it.
/// </summary>
internal static class SystemdSettingsReader
{
    private const string EnabledWhere = "'systemd' (\"systemd\": {\"enabled\": ...} in the configuration file, INFRA_AGENT_SYSTEMD, or --systemd)";
    private const string UnitsWhere = "'watch_units' (\"systemd\": {\"watch_units\": [...]} in the configuration file, INFRA_AGENT_WATCH_UNITS, or --watch-unit)";
    private static readonly string[] UnitTypes =
        [".service", ".socket", ".target", ".timer", ".mount", ".automount", ".swap", ".path", ".slice", ".scope", ".device"];

    public static bool Enabled(IConfiguration configuration)
    {
        // The environment and flags set "systemd" itself; they come after the file, so they win over "systemd:enabled".
        var text = SettingText.Trimmed(configuration[Names.Systemd]) ?? SettingText.Trimmed(configuration[Names.SystemdEnabled]);
        if (text is null)
        {
            return true;
        }

        return bool.TryParse(text, out var enabled)
            ? enabled
            : throw new AgentConfigurationException($"Invalid configuration: {EnabledWhere} must be true or false (got '{text}').");
    }

    public static string[] WatchUnits(IConfiguration configuration)
    {
        // The environment and flags set "watch_units" itself, which wins over the file's "systemd:watch_units".
        var flat = configuration.GetSection(Names.WatchUnits);
        var items = SettingText.Items(flat.Value is not null ? flat : configuration.GetSection(Names.SystemdWatchUnits));
        var units = new List<string>();
        foreach (var item in items)
        {
            var name = item.Trim();
            if (name.Length == 0)
            {
                continue;
            }

            if (name.Length > 255 || !name.All(IsUnitNameChar))
            {
                throw new AgentConfigurationException(
                    $"Invalid configuration: {UnitsWhere} must be unit names such as nginx.service, of letters, digits and :-_.@\\ (got '{name}').");
            }

            // As systemctl does, a name without a unit type is a service.
            if (!UnitTypes.Any(t => name.EndsWith(t, StringComparison.Ordinal)))
            {
                name += ".service";
            }

            if (!units.Contains(name))
            {
                units.Add(name);
            }
        }

        return [.. units];
    }

    private static bool IsUnitNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is ':' or '-' or '_' or '.' or '@' or '\\';
}
