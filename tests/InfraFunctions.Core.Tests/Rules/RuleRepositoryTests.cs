using InfraFunctions.Core.Rules;
using InfraFunctions.Testing;

namespace InfraFunctions.Core.Tests.Rules;

/// <summary>Two harnesses on one Azurite are two instances of the app: each has its own cache of the rules in force.</summary>
public sealed class RuleRepositoryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TablesFixture _tables = TablesFixture.Isolated();

    public Task InitializeAsync() => _tables.InitializeAsync();

    public Task DisposeAsync() => _tables.DisposeAsync();

    private static RuleDefinition Rule(string name) =>
        new(string.Empty, name, "disk.percent{mount=/data}", new RuleScope(Tags: new Dictionary<string, string> { ["env"] = "prod" }), RuleConditions.Above, 80, 95, 300, 5, ["ch-0123456789ab"], 60);

    [Fact]
    public async Task TheRulesInForceAreTheBuiltInOnesFirstThenTheStoredOnesByNameAndEveryFieldReadsBack()
    {
        await using var core = CoreHarness.Create(_tables.ConnectionString, T0);
        var rules = core.Get<RuleRepository>();

        var zulu = await rules.CreateAsync(Rule("zulu"), "on-call");
        var alpha = await rules.CreateAsync(Rule("Alpha") with { Scope = new RuleScope("web-1"), Condition = RuleConditions.Below, Warning = null, Enabled = false }, "on-call");
        var inForce = await core.Get<IRuleSource>().ListAsync();

        Assert.Same(rules, core.Get<IRuleSource>());
        Assert.Equal([BuiltInRules.Cpu, BuiltInRules.Memory, BuiltInRules.Disk, alpha.Id, zulu.Id], inForce.Select(r => r.Id));
        var read = inForce[4];
        Assert.Equal((zulu.Name, zulu.Metric, "prod", 80.0, 95.0, 300, 5.0, 60, true, "on-call", T0), (read.Name, read.Metric, read.Scope.Tags!["env"], read.Warning!.Value, read.Critical!.Value, read.DurationSeconds, read.ClearMargin, read.RenotifyMinutes, read.Enabled, read.UpdatedBy!, read.UpdatedAt!.Value));
        Assert.Equal(["ch-0123456789ab"], read.Channels);
        Assert.Equal(("web-1", null, null, RuleConditions.Below, false), (inForce[3].Scope.Host, inForce[3].Scope.Tags, inForce[3].Warning, inForce[3].Condition, inForce[3].Enabled));
    }

    [Fact]
    public async Task AWriteIsInForceAtOnceOnItsOwnInstanceAndWithin30SecondsOnAnother()
    {
        await using var one = CoreHarness.Create(_tables.ConnectionString, T0);
        await using var other = CoreHarness.Create(_tables.ConnectionString, T0);
        var (oneRules, otherRules) = (one.Get<IRuleSource>(), other.Get<IRuleSource>());
        Assert.Equal(3, (await oneRules.ListAsync()).Count);
        Assert.Equal(3, (await otherRules.ListAsync()).Count);

        var created = await one.Get<RuleRepository>().CreateAsync(Rule("new"), "on-call");

        Assert.Contains(await oneRules.ListAsync(), r => r.Id == created.Id);
        Assert.DoesNotContain(await otherRules.ListAsync(), r => r.Id == created.Id);
        other.Time.Advance(otherRules.CacheFor + TimeSpan.FromSeconds(1));
        Assert.Contains(await otherRules.ListAsync(), r => r.Id == created.Id);

        Assert.True(await one.Get<RuleRepository>().DeleteAsync(created.Id));
        Assert.DoesNotContain(await oneRules.ListAsync(), r => r.Id == created.Id);
        Assert.False(await one.Get<RuleRepository>().DeleteAsync(created.Id));
    }

    [Fact]
    public async Task AChangeToABuiltInRuleKeepsItsMetricAndLevelsWhichFollowTheThresholdSettings()
    {
        await using var core = CoreHarness.Create(_tables.ConnectionString, T0, new Dictionary<string, string?> { ["Thresholds:DiskWarning"] = "70" });
        var rules = core.Get<RuleRepository>();
        var disk = rules.BuiltInDefaults.Single(r => r.Id == BuiltInRules.Disk);

        await rules.ReplaceAsync(disk.Id, disk with { Name = "Root disk", DurationSeconds = 900, Channels = ["ch-0123456789ab"], Enabled = false }, "on-call");
        var stored = await rules.GetAsync(BuiltInRules.Disk);

        Assert.Equal(("Root disk", 900, false, true), (stored!.Name, stored.DurationSeconds, stored.Enabled, stored.BuiltIn));
        Assert.Equal((MetricNames.DiskPercent, 70.0, 95.0, RuleScope.All), (stored.Metric, stored.Warning!.Value, stored.Critical!.Value, stored.Scope));
        var inForce = (await core.Get<IRuleSource>().ListAsync()).Single(r => r.Id == BuiltInRules.Disk);
        Assert.Equal((stored.Name, stored.DurationSeconds, stored.Enabled, stored.UpdatedBy), (inForce.Name, inForce.DurationSeconds, inForce.Enabled, inForce.UpdatedBy));
        Assert.Equal(["ch-0123456789ab"], inForce.Channels);
        Assert.Null(await rules.GetAsync("rule-0123456789ab"));
        Assert.Null(await rules.ReplaceAsync("rule-0123456789ab", Rule("nobody"), "on-call"));
    }
}
