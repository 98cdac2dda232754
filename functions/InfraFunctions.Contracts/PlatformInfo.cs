namespace InfraFunctions.Contracts;

/// <summary>Host identity and platform, the sample's <c>platform</c> block (README "API reference").</summary>
/// <param name="Hostname">The host's name.</param>
/// <param name="System">Kernel family, such as <c>Linux</c>.</param>
/// <param name="Os">The OS pretty name, such as <c>Debian GNU/Linux 12 (bookworm)</c>.</param>
/// <param name="Release">Kernel release, such as <c>6.1.0-18-amd64</c>.</param>
/// <param name="Architecture">Machine architecture, such as <c>x86_64</c>.</param>
/// <param name="RuntimeVersion">The agent's runtime version.</param>
/// <param name="BootTime">When the host booted (UTC).</param>
/// <param name="AgentVersion">The agent's own version.</param>
public sealed record PlatformInfo(
    string Hostname,
    string System,
    string Os,
    string Release,
    string Architecture,
    string RuntimeVersion,
    DateTimeOffset BootTime,
    string AgentVersion);
