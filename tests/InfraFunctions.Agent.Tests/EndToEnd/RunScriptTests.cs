using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace InfraFunctions.Agent.Tests.EndToEnd;

/// <summary>./run.sh as a person runs it: in a terminal, stopped with Ctrl-C, with a child dying under it.</summary>
public sealed class RunScriptTests : IAsyncLifetime
{
    private static readonly string[] SecretNames = ["INFRA_MASTER_KEY", "INFRA_SIGNALR_ACCESS_KEY", "INFRA_READER_TOKEN", "INFRA_AGENT_KEY"];
    private RunScriptSession run = null!;

    public async Task InitializeAsync() => run = await RunScriptSession.StartAsync();

    public Task DisposeAsync()
    {
        run.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task CtrlCInTheTerminalStopsAzuriteLocalHostItsWorkerAndTheAgentWithinTenSecondsAndRunShExits()
    {
        var processes = run.Descendants();
        foreach (var part in new[] { "azurite-table", "InfraFunctions.LocalHost.dll", "InfraFunctions.dll", "infra-agent" })
        {
            Assert.True(processes.Any(p => p.CommandLine.Contains(part, StringComparison.Ordinal)), $"No {part} process under run.sh.\n{run.Diagnostics()}");
        }

        var stopwatch = Stopwatch.StartNew();
        run.PressCtrlC();
        var stopped = await Eventually.TrueAsync(() => run.StillRunning().Length == 0 && run.RunShExited, TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100));

        Assert.True(stopped, $"10 s after Ctrl-C still running: {string.Join(", ", run.StillRunning().Select(p => $"{p} {RunScriptSession.CommandLine(p)}"))}\n{run.Diagnostics()}");
        Assert.Contains("== Stopping", run.Screen, StringComparison.Ordinal);
        Assert.DoesNotContain("did not stop on SIGTERM", run.Screen, StringComparison.Ordinal);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task AzuriteKilledUnderARunningRunShIsNamedWithItsSignalStartedAgainAndTheApiWorksAgain()
    {
        var azurite = run.Descendants().Single(p => p.CommandLine.Contains("azurite-table", StringComparison.Ordinal)).Pid;
        // Azurite saves its file every 5 s, so a SIGKILL loses the last seconds of writes: kill it once the
        // token and agent key run.sh issued are on disk, as they would be in any run older than a few seconds.
        var db = Path.Combine(run.LocalDir, "azurite", "__azurite_db_table__.json");
        Assert.True(await Eventually.TrueAsync(() => File.Exists(db) && File.ReadAllText(db).Contains("local agent", StringComparison.Ordinal), TimeSpan.FromSeconds(15)), run.Diagnostics());

        Assert.Equal(0, Commands.RunWithExit("kill", ["-KILL", azurite.ToString(CultureInfo.InvariantCulture)]).Code);

        await run.WaitForScreenAsync($"Azurite (pid {azurite}) was killed by SIGKILL", TimeSpan.FromSeconds(10));
        await run.WaitForScreenAsync("Restarting Azurite", TimeSpan.FromSeconds(5));
        Assert.Contains(run.Descendants(), p => p.CommandLine.Contains("azurite-table", StringComparison.Ordinal) && p.Pid != azurite);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{run.Port}") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", run.Secret("INFRA_READER_TOKEN"));
        var answered = await Eventually.TrueAsync(
            async () => (await http.GetAsync("/api/v1/observability/hosts")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(500));
        Assert.True(answered, run.Diagnostics());
        Assert.False(run.RunShExited, run.Diagnostics());
    }

    [Fact]
    public async Task LocalHostKilledUnderARunningRunShIsNamedAndEverythingElseStopsAndRunShExitsWithAnError()
    {
        var localHost = run.Descendants().Single(p => p.CommandLine.Contains("InfraFunctions.LocalHost.dll", StringComparison.Ordinal)).Pid;

        Assert.Equal(0, Commands.RunWithExit("kill", ["-KILL", localHost.ToString(CultureInfo.InvariantCulture)]).Code);

        await run.WaitForScreenAsync($"LocalHost (pid {localHost}) was killed by SIGKILL", TimeSpan.FromSeconds(10));
        var stopped = await Eventually.TrueAsync(() => run.StillRunning().Length == 0 && run.RunShExited, TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100));
        Assert.True(stopped, run.Diagnostics());
        Assert.Contains("stopping everything, since LocalHost is gone", run.Screen, StringComparison.Ordinal);
        Assert.Contains("RUNSH-EXIT=1", run.Screen, StringComparison.Ordinal);
    }

    [Fact]
    public void NoSecretOfTheRunIsOnTheCommandLineOfAnyOfItsProcesses()
    {
        var secrets = SecretNames.Select(run.Secret).ToArray();
        var processes = run.Descendants();

        Assert.Contains(processes, p => p.CommandLine.Contains("infra-agent", StringComparison.Ordinal));
        foreach (var (_, commandLine) in processes.Append((run.RunShPid, RunScriptSession.CommandLine(run.RunShPid))))
        {
            Assert.DoesNotContain(secrets, s => commandLine.Contains(s, StringComparison.Ordinal));
        }

        Assert.DoesNotContain("WARNING", File.ReadAllText(Path.Combine(run.LocalDir, "logs", "agent.log")), StringComparison.Ordinal);
    }
}
