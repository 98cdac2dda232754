using System.Globalization;

namespace InfraFunctions.Agent;

/// <summary>
/// Refuses a configuration file that other local users could misuse, as ssh refuses a private key they can read:
/// one that holds the agent key and is readable by group or others, and any that group or others can write (it
/// names the endpoint the key is sent to).
/// </summary>
internal static class ConfigurationFilePermissions
{
    private const UnixFileMode OthersRead = UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode OthersWrite = UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    public static void Check(string path, bool holdsKey)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var mode = File.GetUnixFileMode(path);
        var octal = Convert.ToString((int)mode & 0x1FF, 8).PadLeft(3, '0');
        if ((mode & OthersWrite) != 0)
        {
            throw new AgentConfigurationException(string.Create(CultureInfo.InvariantCulture,
                $"Configuration file '{path}' is writable by group or others (mode {octal}): whoever can edit it can send the agent key to an endpoint of theirs. Run: chmod 600 '{path}'."));
        }

        if (holdsKey && (mode & OthersRead) != 0)
        {
            throw new AgentConfigurationException(string.Create(CultureInfo.InvariantCulture,
                $"Configuration file '{path}' holds the agent key and is readable by group or others (mode {octal}): any local user could post samples as this agent. Run: chmod 600 '{path}', or pass the key in INFRA_AGENT_KEY instead."));
        }
    }
}
