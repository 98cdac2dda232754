using System.Diagnostics;
using InfraFunctions.Agent.Tests.Delivery;

namespace InfraFunctions.Agent.Tests.Collectors.Systemd;

/// <summary>
/// A dbus-daemon of the test's own, listening on a socket in a temporary directory, with a policy that lets any
/// local connection own any name and call anything: a stand-in system bus. Stop and Restart make the bus go away
/// and come back on the same address.
/// </summary>
internal sealed class PrivateBus : IDisposable
{
    public const string DaemonPath = "/usr/bin/dbus-daemon";
    private readonly TempDirectory directory = new();
    private Process? daemon;

    private PrivateBus()
    {
        SocketPath = Path.Combine(directory.Path, "system_bus_socket");
        ConfigPath = Path.Combine(directory.Path, "bus.conf");
        File.WriteAllText(ConfigPath, $"""
            <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
             "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
            <busconfig>
              <type>system</type>
              <listen>unix:path={SocketPath}</listen>
              <auth>EXTERNAL</auth>
              <policy context="default">
                <allow user="*"/>
                <allow own="*"/>
                <allow send_destination="*"/>
                <allow receive_sender="*"/>
              </policy>
            </busconfig>
            """);
    }

    public string SocketPath { get; }

    public string ConfigPath { get; }

    /// <summary>
    /// The address clients connect to. Without the daemon's guid, as a system bus address is usually given: a
    /// restarted daemon has a new guid, and a client holding the old one would refuse it.
    /// </summary>
    public string Address => $"unix:path={SocketPath}";

    public static async Task<PrivateBus> StartAsync()
    {
        // A missing daemon is a broken test machine, not a reason to skip: the systemd collector would go untested.
        if (!File.Exists(DaemonPath))
        {
            throw new InvalidOperationException($"{DaemonPath} is missing: install the Debian package 'dbus' to run the systemd collector tests.");
        }

        var bus = new PrivateBus();
        await bus.RestartAsync();
        return bus;
    }

    public async Task RestartAsync()
    {
        var start = new ProcessStartInfo(DaemonPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add($"--config-file={ConfigPath}");
        start.ArgumentList.Add("--nofork");
        start.ArgumentList.Add("--print-address");
        daemon = Process.Start(start) ?? throw new InvalidOperationException($"{DaemonPath} did not start.");
        daemon.ErrorDataReceived += (_, _) => { };
        daemon.BeginErrorReadLine();
        var line = await daemon.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));
        if (string.IsNullOrEmpty(line) || !line.StartsWith(Address, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{DaemonPath} --config-file={ConfigPath} exited ({(daemon.HasExited ? daemon.ExitCode : -1)}) without printing its address (printed '{line}').");
        }
    }

    /// <summary>Kills the daemon: every connection to it drops.</summary>
    public void Stop()
    {
        if (daemon is { HasExited: false })
        {
            daemon.Kill();
            daemon.WaitForExit();
        }

        daemon?.Dispose();
        daemon = null;
        File.Delete(SocketPath);
    }

    public void Dispose()
    {
        Stop();
        directory.Dispose();
    }
}
