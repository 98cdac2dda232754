using System.Diagnostics;
using System.Text;
using InfraFunctions.Agent.Tests.Delivery;

namespace InfraFunctions.Agent.Tests.EndToEnd;

/// <summary>
/// The built agent started as a shell starts a background job, with SIGINT ignored (<c>trap '' INT</c> is what a
/// non-interactive shell does for <c>&amp;</c>): it must still stop on SIGINT and on SIGTERM.
/// </summary>
public sealed class AgentSignalTests : IDisposable
{
    private const string IgnoreSigint = "trap '' INT; exec \"$0\" \"$@\"";
    private readonly TempDirectory spool = new();

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task AnAgentStartedWithSigintIgnoredStopsCleanlyOnTheSignalWithinTenSeconds(string signal)
    {
        using var agent = StartIgnoringSigint(out var output, ["--endpoint", "http://127.0.0.1:9", "--spool-dir", spool.Path]);
        try
        {
            Assert.True(await Eventually.TrueAsync(() => Read(output).Contains("Agent started", StringComparison.Ordinal), TimeSpan.FromSeconds(20)), Read(output));

            Assert.Equal(0, Commands.RunWithExit("kill", [$"-{signal}", agent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]).Code);

            var exited = await Eventually.TrueAsync(() => agent.HasExited, TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100));
            Assert.True(exited, $"The agent was still running 10 s after SIG{signal}.\n{Read(output)}");
            Assert.Equal(0, agent.ExitCode);
            Assert.Contains($"Agent stopping on SIG{signal}", Read(output), StringComparison.Ordinal);
        }
        finally
        {
            if (!agent.HasExited)
            {
                agent.Kill();
            }
        }
    }

    [Fact]
    public void TheWrapperStartsItsCommandWithSigintIgnoredAsAShellStartsABackgroundJob()
    {
        var status = Commands.Run("bash", "-c", IgnoreSigint, "cat", "/proc/self/status");

        var ignored = Convert.ToUInt64(status.Split('\n').Single(l => l.StartsWith("SigIgn:", StringComparison.Ordinal))[7..].Trim(), 16);
        Assert.True((ignored & (1UL << 1)) != 0, status);
    }

    [Fact]
    public async Task AKeyOnTheCommandLineIsWarnedAboutAndAKeyInTheEnvironmentIsNot()
    {
        using (var fromEnvironment = StartIgnoringSigint(out var quiet, ["--once"]))
        {
            await fromEnvironment.WaitForExitAsync();
            Assert.DoesNotContain("WARNING", Read(quiet), StringComparison.Ordinal);
        }

        using var fromFlag = StartIgnoringSigint(out var warned, ["--once", "--key", "secret"]);
        await fromFlag.WaitForExitAsync();
        Assert.Contains("WARNING: the agent key was given with --key", Read(warned), StringComparison.Ordinal);
        Assert.Contains("INFRA_AGENT_KEY", Read(warned), StringComparison.Ordinal);
    }

    public void Dispose() => spool.Dispose();

    private Process StartIgnoringSigint(out StringBuilder output, string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = spool.Path };
        foreach (var arg in (string[])["-c", IgnoreSigint, AgentProcess.Executable, "--host-id", "signal-host", .. args])
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("INFRA_AGENT_", StringComparison.Ordinal)).ToArray())
        {
            start.Environment.Remove(name);
        }

        start.Environment["INFRA_AGENT_KEY"] = "key-from-the-environment";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The agent did not start.");
        var lines = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(lines, e.Data);
        process.ErrorDataReceived += (_, e) => Append(lines, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        output = lines;
        return process;
    }

    private static void Append(StringBuilder lines, string? line)
    {
        if (line is not null)
        {
            lock (lines)
            {
                lines.AppendLine(line);
            }
        }
    }

    private static string Read(StringBuilder lines)
    {
        lock (lines)
        {
            return lines.ToString();
        }
    }
}
