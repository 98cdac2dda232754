using InfraFunctions.Contracts;
using InfraFunctions.Core.AgentSettings;

namespace InfraFunctions.Core.Tests.AgentSettings;

public sealed class AgentSettingsMergeTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static StoredAgentSettings Tag(string key, string value, Contracts.AgentSettings settings) =>
        new(AgentSettingScope.ForTag(key, value), settings, At, "ops");

    [Fact]
    public void EachFieldComesFromTheHostScopeWhenSetThereElseFromTheTagWhoseKeySortsFirst()
    {
        var host = new StoredAgentSettings(AgentSettingScope.ForHost("web-1"), new Contracts.AgentSettings(Watch: ["nginx"]), At, "ops");
        // Given out of order: the merge sorts tags by key, ordinal ("Zone" sorts before "env").
        var merged = AgentSettingsMerge.For(host, [
            Tag("env", "prod", new Contracts.AgentSettings(Watch: ["sshd"], Top: 5, SampleIntervalSeconds: 10)),
            Tag("Zone", "b", new Contracts.AgentSettings(Top: 9)),
        ]);

        Assert.NotNull(merged);
        Assert.Equal(["nginx"], merged.Watch);
        Assert.Equal(9, merged.Top);
        Assert.Equal(10, merged.SampleIntervalSeconds);
        Assert.Null(merged.Collectors);
        Assert.Equal(
            new Dictionary<string, string> { ["sample_interval_seconds"] = "tag env=prod", ["top"] = "tag Zone=b", ["watch"] = "host" },
            merged.Sources);
    }

    [Fact]
    public void NoScopeMeansNoSettingsForTheReply()
    {
        Assert.Null(AgentSettingsMerge.For(null, []));
        Assert.Null(AgentSettingsMerge.For(null, [Tag("env", "prod", new Contracts.AgentSettings())]));
    }

    [Fact]
    public void ValidationNamesEachFieldAndListPositionThatBreaksTheRules()
    {
        var errors = AgentSettingsValidation.Check(new Contracts.AgentSettings(
            Watch: ["nginx", "sshd", " padded", "sshd"], Top: 101, SampleIntervalSeconds: 0.5, Collectors: ["gpu", "systemd"]));

        Assert.Equal(["collectors[0]", "sample_interval_seconds", "top", "watch[2]", "watch[3]"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("temperatures, systemd, textfile", errors["collectors[0]"][0], StringComparison.Ordinal);
        Assert.Contains("listed twice", errors["watch[3]"][0], StringComparison.Ordinal);
        Assert.Empty(AgentSettingsValidation.Check(new Contracts.AgentSettings(Watch: ["nginx"], Top: 0, SampleIntervalSeconds: 300, Collectors: ["textfile"])));
        Assert.Equal(["watch"], AgentSettingsValidation.Check(new Contracts.AgentSettings(Watch: Enumerable.Range(0, 33).Select(i => $"p{i}").ToArray())).Keys);
    }
}
