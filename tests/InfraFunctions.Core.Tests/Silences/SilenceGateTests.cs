using InfraFunctions.Core.Alerts;
using InfraFunctions.Core.Silences;
using InfraFunctions.Core.Tags;
using InfraFunctions.Testing;

namespace InfraFunctions.Core.Tests.Silences;

public sealed class SilenceGateTests(TablesFixture tables) : IClassFixture<TablesFixture>
{
    private static readonly DateTimeOffset T0 = new(2031, 3, 4, 10, 0, 0, TimeSpan.Zero);

    private CoreHarness Core() => CoreHarness.Create(tables.ConnectionString, T0);

    private static string NewHost() => $"gate-{Guid.NewGuid():N}"[..20];

    internal static async Task<AlertRecord> StoredAlertAsync(CoreHarness core, string host, string ruleId = "builtin-cpu", DateTimeOffset? notifiedAt = null)
    {
        var alert = new AlertRecord(AlertRepository.NewId(core.Time.GetUtcNow()), host, "cpu", "critical", AlertStates.Open, 95, 90, "CPU usage critical: 95.0%", core.Time.GetUtcNow())
        {
            RuleId = ruleId,
            NotifiedAt = notifiedAt,
        };
        await core.Get<AlertRepository>().AddAsync(alert);
        return alert;
    }

    internal static async Task<Silence> SilenceAsync(CoreHarness core, SilenceMatchers matchers, TimeSpan length)
    {
        var now = core.Time.GetUtcNow();
        var silence = new Silence(SilenceRepository.NewId(), matchers, now, now + length, null, null, null, "test", "ops", now);
        await core.Get<SilenceRepository>().AddAsync(silence);
        return silence;
    }

    [Fact]
    public async Task ARaiseGoesToChannelsAndIsRecordedAsSentWhenNoSilenceMatches()
    {
        await using var core = Core();
        var alert = await StoredAlertAsync(core, NewHost());

        var decision = await core.Get<IAlertNotificationGate>().DecideAsync(AlertEvent.Of(alert, AlertKinds.Raised));

        Assert.True(decision.Send);
        var stored = await core.Get<AlertRepository>().GetAsync(alert.Id);
        Assert.Equal((T0, (string?)null), (stored!.NotifiedAt, stored.HeldFor));
    }

    [Fact]
    public async Task ARaiseOnASilencedHostIsHeldWithTheSilenceNamedOnTheAlertAndAnotherHostsIsNot()
    {
        await using var core = Core();
        var (host, other) = (NewHost(), NewHost());
        var silence = await SilenceAsync(core, new SilenceMatchers(Host: host), TimeSpan.FromHours(1));
        var held = await StoredAlertAsync(core, host);
        var free = await StoredAlertAsync(core, other);
        var gate = core.Get<IAlertNotificationGate>();

        var heldDecision = await gate.DecideAsync(AlertEvent.Of(held, AlertKinds.Raised));
        var freeDecision = await gate.DecideAsync(AlertEvent.Of(free, AlertKinds.Raised));

        Assert.Equal(new NotificationDecision(false, "silenced", silence.Id), heldDecision);
        Assert.True(freeDecision.Send);
        var stored = await core.Get<AlertRepository>().GetAsync(held.Id);
        Assert.Equal(("silenced", silence.Id, (DateTimeOffset?)null), (stored!.HeldFor, stored.SilenceId, stored.NotifiedAt));
    }

    [Fact]
    public async Task ASilenceByTagHoldsHostsCarryingTheTagAndBySilencedRuleOnlyThatRulesAlerts()
    {
        await using var core = Core();
        var (tagged, untagged) = (NewHost(), NewHost());
        await core.Get<HostTagRepository>().SetAsync(tagged, TagSource.Operator, new Dictionary<string, string> { ["env"] = $"maint-{untagged}" });
        await SilenceAsync(core, new SilenceMatchers(Tags: new Dictionary<string, string> { ["env"] = $"maint-{untagged}" }), TimeSpan.FromHours(1));
        await SilenceAsync(core, new SilenceMatchers(Host: untagged, RuleId: "builtin-disk"), TimeSpan.FromHours(1));
        var gate = core.Get<IAlertNotificationGate>();

        Assert.False((await gate.DecideAsync(AlertEvent.Of(await StoredAlertAsync(core, tagged), AlertKinds.Raised))).Send);
        Assert.True((await gate.DecideAsync(AlertEvent.Of(await StoredAlertAsync(core, untagged), AlertKinds.Raised))).Send);
        Assert.False((await gate.DecideAsync(AlertEvent.Of(await StoredAlertAsync(core, untagged, "builtin-disk"), AlertKinds.Raised))).Send);
    }

    [Fact]
    public async Task AFlappingAlertsRaisesAreHeldWhileItsSummaryAndTheResolveOfAnAlertChannelsGotGo()
    {
        await using var core = Core();
        var alert = await StoredAlertAsync(core, NewHost(), notifiedAt: T0.AddMinutes(-20)) with { Flapping = true };
        var gate = core.Get<IAlertNotificationGate>();

        var raise = await gate.DecideAsync(AlertEvent.Of(alert, AlertKinds.Raised));
        var resolve = await gate.DecideAsync(AlertEvent.Of(alert, AlertKinds.Resolved));
        var summary = await gate.DecideAsync(AlertEvent.Of(alert, AlertKinds.Flapping));

        Assert.Equal(new NotificationDecision(false, "flapping"), raise);
        Assert.True(resolve.Send);
        Assert.True(summary.Send);
        Assert.Equal(T0, (await core.Get<AlertRepository>().GetAsync(alert.Id))!.NotifiedAt);
    }

    [Fact]
    public async Task AResolveOfAnAlertChannelsNeverGotIsNotSentAndOfOneTheyGotIsHeldWhileSilenced()
    {
        await using var core = Core();
        var host = NewHost();
        var neverSent = await StoredAlertAsync(core, NewHost());
        var sent = await StoredAlertAsync(core, host, notifiedAt: T0.AddMinutes(-5));
        var silence = await SilenceAsync(core, new SilenceMatchers(Host: host), TimeSpan.FromHours(1));
        var gate = core.Get<IAlertNotificationGate>();

        var first = await gate.DecideAsync(AlertEvent.Of(neverSent with { State = AlertStates.Resolved }, AlertKinds.Resolved));
        var second = await gate.DecideAsync(AlertEvent.Of(sent with { State = AlertStates.Resolved }, AlertKinds.Resolved));

        Assert.Equal(new NotificationDecision(false, "never_sent"), first);
        Assert.Null((await core.Get<AlertRepository>().GetAsync(neverSent.Id))!.HeldFor);
        Assert.Equal(new NotificationDecision(false, "silenced", silence.Id), second);
        Assert.Equal("silenced", (await core.Get<AlertRepository>().GetAsync(sent.Id))!.HeldFor);
    }

    [Fact]
    public async Task ASilenceThatHasEndedHoldsNothing()
    {
        await using var core = Core();
        var host = NewHost();
        await SilenceAsync(core, new SilenceMatchers(Host: host), TimeSpan.FromMinutes(10));
        core.Time.Advance(TimeSpan.FromMinutes(10));

        Assert.True((await core.Get<IAlertNotificationGate>().DecideAsync(AlertEvent.Of(await StoredAlertAsync(core, host), AlertKinds.Raised))).Send);
    }
}
