using System.Reflection;
using System.Runtime.InteropServices;
using InfraFunctions.Agent.Parsing;
using InfraFunctions.Contracts;

namespace InfraFunctions.Agent.Collectors;

/// <summary>Host identity and platform: hostname, <c>/etc/os-release</c>, kernel release, architecture, boot time.</summary>
internal static class PlatformCollector
{
    public static string AgentVersion { get; } =
        typeof(PlatformCollector).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    public static PlatformInfo Collect(long bootTimeSeconds) => new(
        Environment.MachineName,
        "Linux",
        OsReleaseParser.PrettyName(ReadText("/etc/os-release") ?? ReadText("/usr/lib/os-release") ?? ""),
        ReadText("/proc/sys/kernel/osrelease")?.Trim() ?? Environment.OSVersion.Version.ToString(),
        Architecture(RuntimeInformation.OSArchitecture),
        $".NET {Environment.Version}",
        DateTimeOffset.FromUnixTimeSeconds(bootTimeSeconds),
        AgentVersion);

    /// <summary>The machine name as <c>uname -m</c> prints it.</summary>
    public static string Architecture(Architecture architecture) => architecture switch
    {
        System.Runtime.InteropServices.Architecture.X64 => "x86_64",
        System.Runtime.InteropServices.Architecture.X86 => "i686",
        System.Runtime.InteropServices.Architecture.Arm64 => "aarch64",
        System.Runtime.InteropServices.Architecture.Arm => "armv7l",
        _ => architecture.ToString().ToLowerInvariant(),
    };

    private static string? ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
