using System.Diagnostics;
using System.Text;
using InfraFunctions.Testing;

namespace InfraFunctions.Agent.Tests.EndToEnd;

/// <summary>
/// The built agent (collector-agent/InfraFunctions.Agent/bin/{Configuration}/net10.0/infra-agent) running as a
/// separate process, sampling every second, with its own key and spool directory.
/// </summary>
internal sealed class AgentProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private AgentProcess(Process process) => this.process = process;

    public static string Executable { get; } = Path.Combine(
        RepoPaths.Root, "collector-agent", "InfraFunctions.Agent", "bin", RepoPaths.Configuration, "net10.0", "infra-agent");

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>What the agent wrote to stdout and stderr so far, for failure messages.</summary>
    public string Output
    {
        get { lock (output) { return output.ToString(); } }
    }

    public static AgentProcess Start(Uri endpoint, string key, string hostId, string spoolDir, params string[] extra) =>
        StartWith(spoolDir, new Dictionary<string, string>(), ["--key", key, .. Arguments(endpoint, hostId, spoolDir), .. extra]);

    /// <summary>The agent with no key of its own: it reads key_file or enrolls with the environment's token.</summary>
    public static AgentProcess StartWithoutKey(Uri endpoint, string hostId, string spoolDir, IReadOnlyDictionary<string, string> environment, params string[] extra) =>
        StartWith(spoolDir, environment, [.. Arguments(endpoint, hostId, spoolDir), .. extra]);

    /// <summary>
    /// Runs a one-shot command of the agent (such as <c>--enroll</c> or <c>--post-once</c>) to its exit, with
    /// <paramref name="enrollToken"/> as <c>INFRA_AGENT_ENROLL_TOKEN</c> when given; its exit code, stdout and stderr.
    /// </summary>
    public static async Task<(int Code, string Output, string Errors)> RunToExitAsync(string[] args, string? enrollToken = null)
    {
        var environment = enrollToken is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["INFRA_AGENT_ENROLL_TOKEN"] = enrollToken };
        using var process = Process.Start(StartInfo(args, environment, Path.GetTempPath()))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The agent's command line, with the environment's INFRA_AGENT_ variables replaced by <paramref name="environment"/>.</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> args, IReadOnlyDictionary<string, string> environment, string workingDirectory)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"The agent is not built at {Executable}: build tests/InfraFunctions.Agent.Tests, which references it.");
        }

        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("INFRA_AGENT_", StringComparison.Ordinal)).ToArray())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return start;
    }

    private static string[] Arguments(Uri endpoint, string hostId, string spoolDir) =>
        ["--endpoint", endpoint.AbsoluteUri, "--host-id", hostId, "--sample-interval", "1", "--post-interval", "2", "--spool-dir", spoolDir];

    private static AgentProcess StartWith(string spoolDir, IReadOnlyDictionary<string, string> environment, string[] args)
    {
        var start = StartInfo(args, environment, spoolDir);

        var agent = new AgentProcess(Process.Start(start) ?? throw new InvalidOperationException("The agent did not start."));
        agent.process.OutputDataReceived += (_, e) => agent.Append(e.Data);
        agent.process.ErrorDataReceived += (_, e) => agent.Append(e.Data);
        agent.process.BeginOutputReadLine();
        agent.process.BeginErrorReadLine();
        return agent;
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a crash or power loss.</summary>
    public void KillHard()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit();
        }
    }

    public void Dispose()
    {
        KillHard();
        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}
