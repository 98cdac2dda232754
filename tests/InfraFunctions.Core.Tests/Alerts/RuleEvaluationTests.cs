using System.Globalization;
using InfraFunctions.Core.Alerts;
using InfraFunctions.Core.Rules;
using InfraFunctions.Core.Storage;
using InfraFunctions.Core.Tags;
using InfraFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace InfraFunctions.Core.Tests.Alerts;

public sealed class RuleEvaluationTests(TablesFixture tables) : IClassFixture<TablesFixture>
{
    // A day after the other alert tests' clocks, so their stale-host sweeps on the shared tables never find these hosts silent.
    private static readonly DateTimeOffset T0 = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);
    private readonly RecordingNotifier _notified = new();
    private readonly RuleSourceForTests _rules = new();

    private CoreHarness Core() => CoreHarness.Create(tables.ConnectionString, T0, services: s =>
    {
        s.AddSingleton<IAlertNotifier>(_notified);
        s.AddSingleton<IRuleSource>(_rules);
    });

    private static string NewHost(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..20];

    private static RuleDefinition Rule(string id, string metric, double? warning, double? critical, int duration = 0, double margin = 0, string condition = RuleConditions.Above, RuleScope? scope = null, IReadOnlyList<string>? channels = null) =>
        new(id, $"Rule {id[^4..]}", metric, scope ?? RuleScope.All, condition, warning, critical, duration, margin, channels ?? [], 0);

    [Fact]
    public async Task ARuleOnADataDiskRaisesEachLevelWithItsRuleItsChannelsAndAMessageNamingTheRuleTheValueAndTheLevel()
    {
        await using var core = Core();
        var host = NewHost("data");
        _rules.Set(Rule("rule-0000000000d1", "disk.percent{mount=/data}", 80, 90, channels: ["ch-0000000000c1"]) with { Name = "Data disk full", RenotifyMinutes = 30 });

        await RuleSamples.PostAsync(core, host, [T0], (s, _) => RuleSamples.Disk(s, "/data", 93.5));

        var open = (await core.Get<AlertRepository>().ListAsync(host, AlertStates.Open, null)).OrderBy(a => a.Threshold).ToArray();
        Assert.Equal(["warning", "critical"], open.Select(a => a.Severity));
        Assert.All(open, a =>
        {
            Assert.Equal(("rule-0000000000d1", "Data disk full", "disk.percent{mount=/data}", 30, 93.5), (a.RuleId, a.RuleName, a.Metric, a.RenotifyMinutes, a.Value));
            Assert.Equal(["ch-0000000000c1"], a.Channels!);
        });
        Assert.Equal("Data disk full critical: disk.percent{mount=/data} is 93.5%, at or above 90%", open[1].Message);
        Assert.All(_notified.Events.Where(e => e.HostId == host && e.RuleId == "rule-0000000000d1"), e => Assert.Equal(["ch-0000000000c1"], e.Channels!));
    }

    public static TheoryData<string, string, double, double> MetricsOfParts => new()
    {
        { "disk.free_gb{mount=/}", RuleConditions.Below, 100, 79.5 },
        { "disk.percent{mount=/}", RuleConditions.Above, 10, 13.7 },
        { "process.cpu_percent{name=dotnet}", RuleConditions.Above, 10, 12.5 },
        { "process.memory_mb{name=dotnet}", RuleConditions.Above, 500, 512 },
        { "load.5m", RuleConditions.Above, 0.5, 0.71 },
        { "network.connections", RuleConditions.Above, 40, 42 },
    };

    [Theory]
    [MemberData(nameof(MetricsOfParts))]
    public async Task PerDiskPerProcessAndLoadMetricsRaiseAtTheirLevel(string metric, string condition, double level, double value)
    {
        await using var core = Core();
        var host = NewHost("part");
        _rules.Set(Rule("rule-0000000000e1", metric, null, level, condition: condition));

        await RuleSamples.PostAsync(core, host, [T0], (_, _) => { });

        var alert = Assert.Single(await core.Get<AlertRepository>().ListAsync(host, AlertStates.Open, null));
        Assert.Equal((metric, "critical", value, level), (alert.Metric, alert.Severity, alert.Value, alert.Threshold));
    }

    [Fact]
    public async Task ARuleAppliesToItsHostToHostsWithItsTagsOrToEveryHost()
    {
        await using var core = Core();
        var (one, prod, dev) = (NewHost("scope-a"), NewHost("scope-b"), NewHost("scope-c"));
        var tags = core.Get<HostTagRepository>();
        await tags.SetAsync(prod, TagSource.Operator, new Dictionary<string, string> { ["env"] = "prod", ["role"] = "db" });
        await tags.SetAsync(dev, TagSource.Operator, new Dictionary<string, string> { ["env"] = "dev" });
        _rules.Set(
            Rule("rule-00000000h0st", MetricNames.Load1m, null, 0.5, scope: new RuleScope(Host: one)),
            Rule("rule-00000000pr0d", MetricNames.Load1m, null, 0.5, scope: new RuleScope(Tags: new Dictionary<string, string> { ["env"] = "prod" })),
            Rule("rule-000000000a11", MetricNames.Load1m, null, 0.5));

        foreach (var host in new[] { one, prod, dev })
        {
            await RuleSamples.PostAsync(core, host, [T0], (_, _) => { });
        }

        async Task<string[]> RulesOf(string host) =>
            (await core.Get<AlertRepository>().ListAsync(host, AlertStates.Open, null)).Select(a => a.RuleId!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["rule-000000000a11", "rule-00000000h0st"], await RulesOf(one));
        Assert.Equal(["rule-000000000a11", "rule-00000000pr0d"], await RulesOf(prod));
        Assert.Equal(["rule-000000000a11"], await RulesOf(dev));
    }

    [Fact]
    public async Task ADeletedOrDisabledRuleOrAHostLeavingItsScopeResolvesTheRulesAlertsOnTheNextPostSayingWhy()
    {
        await using var core = Core();
        var host = NewHost("gone");
        await core.Get<HostTagRepository>().SetAsync(host, TagSource.Operator, new Dictionary<string, string> { ["env"] = "prod" });
        var deleted = Rule("rule-0000000de1e7", MetricNames.Load1m, null, 0.5) with { Name = "Load A" };
        var disabled = Rule("rule-00000000d15a", MetricNames.Load1m, null, 0.5) with { Name = "Load B" };
        var scoped = Rule("rule-0000000sc0pe", MetricNames.Load1m, null, 0.5, scope: new RuleScope(Tags: new Dictionary<string, string> { ["env"] = "prod" })) with { Name = "Load C" };
        _rules.SetExactly(RuleSourceForTests.BuiltIns[0] with { DurationSeconds = 0 }, RuleSourceForTests.BuiltIns[1], RuleSourceForTests.BuiltIns[2], deleted, disabled, scoped);
        await RuleSamples.PostAsync(core, host, [T0], (s, _) => s["cpu"]!["percent"] = 95);
        Assert.Equal(5, (await core.Get<AlertRepository>().ListAsync(host, AlertStates.Open, null)).Count); // three rules, CPU warning and critical

        _rules.SetExactly(disabled with { Enabled = false }, scoped, RuleSourceForTests.BuiltIns[1], RuleSourceForTests.BuiltIns[2] with { Enabled = false });
        await core.Get<HostTagRepository>().SetAsync(host, TagSource.Operator, new Dictionary<string, string> { ["env"] = "dev" });
        core.Get<HostTagCache>().Forget(host);
        await RuleSamples.PostAsync(core, host, [T0.AddSeconds(60)], (s, _) => s["cpu"]!["percent"] = 95);

        Assert.Empty(await core.Get<AlertRepository>().ListAsync(host, AlertStates.Open, null));
        var resolves = _notified.Events.Where(e => e.HostId == host && e.Kind == AlertKinds.Resolved).Select(e => e.Message).Order(StringComparer.Ordinal);
        Assert.Equal(
        [
            "The rule Load B (rule-00000000d15a) was disabled",
            "The rule Load C (rule-0000000sc0pe) no longer applies to this host",
            "The rule builtin-cpu was deleted",
            "The rule builtin-cpu was deleted",
            "The rule rule-0000000de1e7 was deleted",
        ],
        resolves);
    }

    [Fact]
    public async Task ASeriesMissingFromSamplesMarksItsOpenAlertNoDataOnceNeverResolvesItAndItsReturnNeedsTheFullDurationToResolve()
    {
        await using var core = Core();
        var host = NewHost("nodata");
        _rules.Set(Rule("rule-0000000n0da7", "disk.percent{mount=/data}", null, 90, duration: 60, margin: 5));
        foreach (var second in new[] { 0, 30, 60 })
        {
            await RuleSamples.PostAsync(core, host, [T0.AddSeconds(second)], (s, _) => RuleSamples.Disk(s, "/data", 95));
        }

        var alerts = core.Get<AlertRepository>();
        var raised = Assert.Single(await alerts.ListAsync(host, AlertStates.Open, null));
        Assert.Equal(T0.AddSeconds(60), raised.RaisedAt);

        // Clear once, then silent: the clearing clock started at 90 s must not count the gap.
        await RuleSamples.PostAsync(core, host, [T0.AddSeconds(90)], (s, _) => RuleSamples.Disk(s, "/data", 50));
        await RuleSamples.PostAsync(core, host, [T0.AddSeconds(120)], (_, _) => { });
        async Task<Azure.ETag> StoredVersion() => (await tables.Service.GetTableClient(TableNames.Alerts)
            .GetEntityAsync<Azure.Data.Tables.TableEntity>(raised.RaisedAt.UtcDateTime.ToString("yyyyMM", CultureInfo.InvariantCulture), raised.Id)).Value.ETag;
        var marked = await StoredVersion();
        for (var second = 150; second <= 600; second += 30)
        {
            await RuleSamples.PostAsync(core, host, [T0.AddSeconds(second)], (_, _) => { });
        }

        var during = (await alerts.GetAsync(raised.Id))!;
        Assert.Equal((AlertStates.Open, true), (during.State, during.NoData));
        Assert.Equal(marked, await StoredVersion()); // one update for the whole gap, not one per post
        Assert.True((await core.Get<AlertTrackStore>().ReadAsync(host))[RuleTracks.Key("rule-0000000n0da7", "critical")].NoData);

        // Back, and clear: the gap restarted the clock, so the resolve waits for 60 s of fresh data.
        await RuleSamples.PostAsync(core, host, [T0.AddSeconds(630)], (s, _) => RuleSamples.Disk(s, "/data", 50));
        var back = (await alerts.GetAsync(raised.Id))!;
        Assert.Equal((AlertStates.Open, false), (back.State, back.NoData));
        await RuleSamples.PostAsync(core, host, [T0.AddSeconds(660)], (s, _) => RuleSamples.Disk(s, "/data", 50));
        Assert.Equal(AlertStates.Open, (await alerts.GetAsync(raised.Id))!.State);
        await RuleSamples.PostAsync(core, host, [T0.AddSeconds(690)], (s, _) => RuleSamples.Disk(s, "/data", 50));
        Assert.Equal((AlertStates.Resolved, T0.AddSeconds(690)), ((await alerts.GetAsync(raised.Id))!.State, (await alerts.GetAsync(raised.Id))!.ResolvedAt));
    }
}
