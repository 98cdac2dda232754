using System.Collections;
using System.Diagnostics;
using InfraFunctions.Agent.Collectors;
using InfraFunctions.Agent.Delivery;
using InfraFunctions.Agent.Settings;
using InfraFunctions.Agent.Tests.Delivery;
using InfraFunctions.Contracts;
using Microsoft.Extensions.Logging.Abstractions;

namespace InfraFunctions.Agent.Tests.Settings;

/// <summary>Settings pushed by the server reach the next sample, the sampling schedule and the next batch, without a restart.</summary>
public sealed class PushedSettingsTests : IDisposable
{
    private readonly TempDirectory directory = new();

    [Fact]
    public void PushedWatchAndTopChangeTheNextSamplesProcesses()
    {
        using var sleeper = Sleeper.Start();
        var collector = new SampleCollector(TimeProvider.System, Load([]));
        Assert.True(collector.Collect().Processes!.Count > 2, "the default top 10 lists more than the agent and the sleeper");

        // Top 0 lists only the watched processes and the agent itself.
        collector.Live.Apply(new AgentSettings(Top: 0));
        Assert.Equal([Environment.ProcessId], collector.Collect().Processes!.Select(p => p.Pid));

        collector.Live.Apply(new AgentSettings(Watch: [sleeper.Name], Top: 0));
        var processes = collector.Collect().Processes!;

        Assert.Equal(new[] { Environment.ProcessId, sleeper.Pid }.Order(), processes.Select(p => p.Pid).Order());
    }

    [Fact]
    public void ATopTheFileSetsWinsOverThePushedOne()
    {
        using var sleeper = Sleeper.Start();
        var file = Path.Combine(directory.Path, "agent.json");
        File.WriteAllText(file, """{"top": 2}""");
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var collector = new SampleCollector(TimeProvider.System, Load(["--config", file]));
        collector.Collect();

        collector.Live.Apply(new AgentSettings(Watch: [sleeper.Name], Top: 0));
        var processes = collector.Collect().Processes!;

        Assert.Contains(processes, p => p.Pid == sleeper.Pid);
        Assert.True(processes.Count(p => p.Pid != sleeper.Pid && p.Pid != Environment.ProcessId) >= 2, "the file's top 2 did not stay in force");
    }

    [Fact]
    public async Task APushedSampleIntervalTakesEffectAtOnceWithoutARestart()
    {
        var time = new SchedulingTimeProvider(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));
        var options = Load(["--spool-dir", directory.Path, "--sample-interval", "60"]) with { Sources = new Dictionary<string, string>() };
        using var spool = Spool.Open(directory.Path, 1024 * 1024, NullLogger.Instance);
        var collector = new SampleCollector(time, options);
        using var sampling = new SamplingService(collector, spool, options, time, NullLogger<SamplingService>.Instance);
        var started = time.GetUtcNow();
        await sampling.StartAsync(CancellationToken.None);
        Assert.Equal(started + TimeSpan.FromSeconds(60), await time.NextScheduledAsync());

        time.Advance(TimeSpan.FromSeconds(10));
        collector.Live.Apply(new AgentSettings(SampleIntervalSeconds: 2));

        // The 60 s wait is given up: the next sample is 2 s after the change, and every 2 s after that.
        var changedAt = time.GetUtcNow();
        Assert.Equal(changedAt + TimeSpan.FromSeconds(2), await time.NextScheduledAsync());
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(changedAt + TimeSpan.FromSeconds(4), await time.NextScheduledAsync());
        await sampling.StopAsync(CancellationToken.None);
        Assert.Single(spool.ReadPending(10, long.MaxValue).Records);
    }

    [Fact]
    public async Task TheIngestReplysSettingsApplyUntilAReplyWithoutThemAndTheNextBatchReportsThemWithTheirSources()
    {
        await using var server = await IngestRecorder.StartAsync();
        using var agent = new DeliveryHarness(server.Endpoint);
        agent.Enqueue(0, 1);
        server.Script.Enqueue(new ScriptedReply(200, """{"accepted":1,"rejected":[],"next_post_seconds":30,"agent_settings":{"watch":["nginx"],"top":4,"sources":{"watch":"tag role=web","top":"host"}}}"""));

        await agent.Service.PostOnceAsync();
        Assert.Equal(["nginx"], agent.Collector.Live.Current.Watch);
        agent.Enqueue(1, 1);
        await agent.Service.PostOnceAsync();

        var (first, second) = (server.Requests.First().Batch.Settings!, server.Requests.Last().Batch.Settings!);
        Assert.Equal(new SettingInForce("watch", "", "default"), first.Single(s => s.Name == "watch"));
        Assert.Equal(new SettingInForce("watch", "nginx", "server", "tag role=web"), second.Single(s => s.Name == "watch"));
        Assert.Equal(new SettingInForce("top", "4", "server", "host"), second.Single(s => s.Name == "top"));
        // That reply carried no settings: the agent's own are in force again.
        Assert.Empty(agent.Collector.Live.Current.Watch);
    }

    public void Dispose() => directory.Dispose();

    private AgentOptions Load(string[] args) =>
        AgentConfiguration.Load(["--once", .. args], new Hashtable { ["PATH"] = "/usr/bin" }, Path.Combine(directory.Path, "none.json")).Options;

    /// <summary>A sleep process under a name of its own, so no other process on the machine matches it.</summary>
    private sealed class Sleeper : IDisposable
    {
        private readonly Process process;
        private readonly string link;

        private Sleeper(string name, string link, Process process) => (Name, this.link, this.process) = (name, link, process);

        public string Name { get; }

        public int Pid => process.Id;

        public static Sleeper Start()
        {
            var name = $"ift-ps{Random.Shared.Next(100000)}";
            var link = Path.Combine(Path.GetTempPath(), name);
            File.Delete(link);
            File.CreateSymbolicLink(link, "/bin/sleep");
            var process = Process.Start(link, "30");
            // Until exec is done the child still carries the test runner's name.
            SpinWait.SpinUntil(() => File.ReadAllText($"/proc/{process.Id}/comm").Trim() == name, TimeSpan.FromSeconds(10));
            return new Sleeper(name, link, process);
        }

        public void Dispose()
        {
            process.Kill();
            process.Dispose();
            File.Delete(link);
        }
    }
}
