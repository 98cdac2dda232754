using InfraFunctions.Agent.Tests.Configuration;
using System.Text.Json;
using InfraFunctions.Agent.Settings;
using InfraFunctions.Contracts;
using Microsoft.Extensions.Logging;

namespace InfraFunctions.Agent.Tests.Settings;

public sealed class LiveSettingsTests : IDisposable
{
    private readonly ConfigurationDirectory directory = new();

    [Fact]
    public void EachSettingInForceNamesTheSourceThatSetIt()
    {
        var file = directory.WriteConfig("""{"endpoint":"https://x.example","key":"k","top":3,"watch":["nginx"],"sample_interval":10,"post_interval":20}""");

        var live = new LiveSettings(directory.Load(["--config", file, "--sample-interval", "7"], ("INFRA_AGENT_TOP", "4")));

        Assert.Equal(
            [
                new SettingInForce("watch", "nginx", "file"),
                new SettingInForce("top", "4", "environment"),
                new SettingInForce("sample_interval_seconds", "7", "flag"),
                new SettingInForce("collectors", "temperatures,systemd", "default"),
                new SettingInForce("post_interval_seconds", "20", "file"),
                new SettingInForce("spool_dir", AgentOptions.DefaultSpoolDir, "default"),
            ],
            live.Current.InForce);
        using var reported = JsonDocument.Parse(live.Current.InForceJson);
        Assert.Equal(live.Current.InForce, reported.RootElement.EnumerateArray().Select(e => e.Deserialize(ContractsJsonContext.Default.SettingInForce)));
    }

    [Fact]
    public void ServerValuesReplaceDefaultsWithTheirScopeButNeverAValueTheFileSets()
    {
        var file = directory.WriteConfig("""{"endpoint":"https://x.example","key":"k","top":3}""");
        var live = new LiveSettings(directory.Load(["--config", file]));
        var changed = live.Changed;

        Assert.True(live.Apply(new AgentSettings(
            Watch: ["nginx", "postgres"], Top: 0, SampleIntervalSeconds: 15, Collectors: ["textfile"],
            Sources: new Dictionary<string, string> { ["watch"] = "tag env=prod", ["top"] = "host", ["sample_interval_seconds"] = "host", ["collectors"] = "tag env=prod" })));

        var current = live.Current;
        Assert.True(changed.IsCompleted);
        Assert.Equal(["nginx", "postgres"], current.Watch);
        Assert.Equal((3, TimeSpan.FromSeconds(15), AgentOptions.DefaultTextfileDir), (current.Top, current.SampleInterval, current.TextfileDir));
        var byName = current.InForce.ToDictionary(s => s.Name);
        Assert.Equal(new SettingInForce("watch", "nginx,postgres", "server", "tag env=prod"), byName["watch"]);
        Assert.Equal(new SettingInForce("top", "3", "file"), byName["top"]);
        Assert.Equal(new SettingInForce("sample_interval_seconds", "15", "server", "host"), byName["sample_interval_seconds"]);
        Assert.Equal(new SettingInForce("collectors", "temperatures,systemd,textfile", "server", "tag env=prod"), byName["collectors"]);
        Assert.Equal(new SettingInForce("textfile_dir", AgentOptions.DefaultTextfileDir, "server", "tag env=prod"), byName["textfile_dir"]);
    }

    [Fact]
    public void WhenTheServerStopsSendingSettingsTheAgentsOwnApplyAgain()
    {
        var live = new LiveSettings(directory.Load([]));
        live.Apply(new AgentSettings(Watch: ["nginx"], Collectors: ["textfile"]));

        Assert.True(live.Apply(null));

        Assert.Equal((0, null, "default"), (live.Current.Watch.Count, live.Current.TextfileDir, live.Current.InForce[0].Source));
        Assert.DoesNotContain(live.Current.InForce, s => s.Name == "textfile_dir");
    }

    [Fact]
    public void TheSameSettingsInEveryReplyChangeNothingAfterTheFirst()
    {
        var live = new LiveSettings(directory.Load([]));
        Assert.True(live.Apply(new AgentSettings(Top: 5)));
        var current = live.Current;

        Assert.False(live.Apply(new AgentSettings(Top: 5)));
        Assert.Same(current, live.Current);
    }

    [Fact]
    public void OutOfBoundsServerValuesAreIgnoredWithAWarningAndTheRestApplies()
    {
        var logger = new RecordingLogger();
        var live = new LiveSettings(directory.Load([]), logger);

        live.Apply(new AgentSettings(Watch: ["nginx"], Top: 500, SampleIntervalSeconds: 0.1, Collectors: ["gpu"]));

        Assert.Equal(["nginx"], live.Current.Watch);
        Assert.Equal((10, TimeSpan.FromSeconds(5)), (live.Current.Top, live.Current.SampleInterval));
        var warnings = logger.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message).ToArray();
        Assert.Contains(warnings, m => m.Contains("'top' of '500' is ignored: it must be from 0 to 100", StringComparison.Ordinal));
        Assert.Contains(warnings, m => m.Contains("'sample_interval_seconds' of '0.1' is ignored: it must be from 1 to 300 seconds", StringComparison.Ordinal));
        Assert.Contains(warnings, m => m.Contains("'collectors' of 'gpu' is ignored", StringComparison.Ordinal));
    }

    [Fact]
    public void ACollectorTheAgentSwitchesOffStaysOffWhateverTheServerTurnsOn()
    {
        var live = new LiveSettings(directory.Load(["--temperatures", "false"]));

        live.Apply(new AgentSettings(Collectors: ["temperatures", "textfile"]));

        Assert.False(live.Current.Temperatures);
        Assert.Equal("systemd,textfile", live.Current.InForce.Single(s => s.Name == "collectors").Value);
    }

    public void Dispose() => directory.Dispose();
}
