using InfraFunctions.Contracts;
using InfraFunctions.Core.AgentSettings;
using InfraFunctions.Core.Storage;
using InfraFunctions.Core.Tags;
using InfraFunctions.Testing;
using Microsoft.Extensions.Time.Testing;

namespace InfraFunctions.Core.Tests.AgentSettings;

public sealed class AgentSettingsResolverTests(TablesFixture tables) : IClassFixture<TablesFixture>
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));

    /// <summary>One function app instance's view of the tables (each instance has its own cache).</summary>
    private AgentSettingsResolver Instance()
    {
        var store = new TableStore(tables.Service);
        return new AgentSettingsResolver(new AgentSettingsRepository(store, _clock), new HostTagRepository(store), _clock);
    }

    [Fact]
    public async Task AHostScopeChangedOnOneInstanceReachesAnotherWithinThirtySecondsAndAtOnceOnItself()
    {
        var (a, b) = (Instance(), Instance());
        var host = $"rack/7 #{Guid.NewGuid():N}"; // characters Table keys forbid
        Assert.Null(await b.ForHostAsync(host));

        await a.SetAsync(AgentSettingScope.ForHost(host), new Contracts.AgentSettings(Top: 7), "ops");

        Assert.Equal(7, (await a.ForHostAsync(host))?.Top);
        Assert.Null(await b.ForHostAsync(host)); // remembered
        _clock.Advance(AgentSettingsResolver.CacheFor);
        var seen = await b.ForHostAsync(host);
        Assert.Equal(7, seen?.Top);
        Assert.Equal("host", seen?.Sources?[AgentSettingRules.Top]);

        Assert.True(await a.DeleteAsync(AgentSettingScope.ForHost(host)));
        Assert.False(await a.DeleteAsync(AgentSettingScope.ForHost(host)));
        Assert.Null(await a.ForHostAsync(host));
    }

    [Fact]
    public async Task ATagScopeAppliesToTheHostsCarryingTheTagAndItsChangeReachesThemAtOnceOnTheSameInstance()
    {
        var resolver = Instance();
        var (tagged, untagged) = ($"tagged-{Guid.NewGuid():N}", $"plain-{Guid.NewGuid():N}");
        var value = $"edge/{Guid.NewGuid():N}";
        await new HostTagRepository(new TableStore(tables.Service)).SetAsync(tagged, TagSource.Enrollment, new Dictionary<string, string> { ["pool"] = value });
        Assert.Null(await resolver.ForHostAsync(tagged));

        await resolver.SetAsync(AgentSettingScope.ForTag("pool", value), new Contracts.AgentSettings(Collectors: ["systemd"]), "ops");

        var settings = await resolver.ForHostAsync(tagged);
        Assert.Equal(["systemd"], settings?.Collectors);
        Assert.Equal($"tag pool={value}", settings?.Sources?[AgentSettingRules.CollectorsName]);
        Assert.Null(await resolver.ForHostAsync(untagged));
        Assert.True(await resolver.DeleteAsync(AgentSettingScope.ForTag("pool", value)));
        Assert.Null(await resolver.ForHostAsync(tagged));
    }
}
