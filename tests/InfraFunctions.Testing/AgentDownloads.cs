using System.Diagnostics;
using System.Runtime.InteropServices;

namespace InfraFunctions.Testing;

/// <summary>
/// A directory laid out as collector-agent/publish.sh lays out <c>/agent/</c>, for LocalHost to serve
/// (<see cref="Setting"/>), without a NativeAOT publish: the binary for this machine's architecture is a small
/// shell script that runs the built agent (collector-agent/InfraFunctions.Agent/bin/{Configuration}/net10.0/infra-agent,
/// built by any test project that references the agent), and install.sh and SHA256SUMS are written by publish.sh
/// itself (<c>--no-build</c>), so install.sh carries the download base exactly as a published one does.
/// </summary>
/// <example>
/// <code>
/// using var downloads = new AgentDownloads();
/// await using var server = await LocalHostServer.StartAsync(storage, new Dictionary&lt;string, string?&gt; { [AgentDownloads.Setting] = downloads.Directory });
/// downloads.Publish(server.BaseAddress);
/// // curl -fsSL {server.BaseAddress}agent/install.sh | bash -s -- --endpoint {server.BaseAddress} --key ... (with DESTDIR)
/// </code>
/// </example>
public sealed class AgentDownloads : IDisposable
{
    /// <summary>LocalHost's setting that names the directory served at <c>/agent/</c>.</summary>
    public const string Setting = "LocalHost:AgentRoot";

    public AgentDownloads() => Directory = System.IO.Directory.CreateTempSubdirectory("agent-downloads-").FullName;

    /// <summary>The served directory; empty until <see cref="Publish"/>.</summary>
    public string Directory { get; }

    /// <summary>This machine's binary name as install.sh asks for it: <c>infra-agent-linux-x64</c> or <c>-arm64</c>.</summary>
    public static string BinaryName { get; } = "infra-agent-linux-" + (RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "arm64" : "x64");

    /// <summary>The served binary, for a test that alters it after <see cref="Publish"/> (SHA256SUMS keeps the published sum).</summary>
    public string BinaryPath => Path.Combine(Directory, BinaryName);

    /// <summary>The built agent the served binary runs.</summary>
    public static string BuiltAgent => Path.Combine(RepoPaths.Root, "collector-agent", "InfraFunctions.Agent", "bin", RepoPaths.Configuration, "net10.0", "infra-agent");

    /// <summary>
    /// Writes the binary, then install.sh and SHA256SUMS for <paramref name="downloadBase"/>: the origin serving the
    /// directory as <c>/agent/</c> (LocalHost's base address), which install.sh also prints the host's page under.
    /// </summary>
    /// <exception cref="InvalidOperationException">The agent is not built, or publish.sh failed.</exception>
    public void Publish(Uri downloadBase)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("install.sh and publish.sh run on Linux.");
        }

        if (!File.Exists(BuiltAgent))
        {
            throw new InvalidOperationException($"The agent is not built at {BuiltAgent}: build a test project that references collector-agent/InfraFunctions.Agent.");
        }

        File.WriteAllText(BinaryPath, $"#!/bin/sh\nexec '{BuiltAgent}' \"$@\"\n");
        File.SetUnixFileMode(BinaryPath, (UnixFileMode)0x1ED); // 755

        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(RepoPaths.Root, "collector-agent", "publish.sh"), "--out", Directory, "--download-base", downloadBase.GetLeftPart(UriPartial.Authority), "--no-build" })
        {
            start.ArgumentList.Add(arg);
        }

        using var publish = Process.Start(start)!;
        var output = publish.StandardOutput.ReadToEndAsync();
        var error = publish.StandardError.ReadToEnd();
        publish.WaitForExit();
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"publish.sh --no-build exited {publish.ExitCode}: {error}{output.Result}");
        }
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A test's process may still hold a file; the temporary directory is left behind then.
        }
    }
}
