using InfraFunctions.Core.Alerts;
using InfraFunctions.Core.Storage;
using InfraFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace InfraFunctions.Core.Tests.Alerts;

public sealed class AlertEvaluationTests(TablesFixture tables) : IClassFixture<TablesFixture>
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
    private readonly RecordingNotifier _notified = new();

    private CoreHarness Core() => CoreHarness.Create(tables.ConnectionString, T0, services: s =>
    {
        s.AddSingleton<IAlertNotifier>(new FailingNotifier());
        s.AddSingleton<IAlertNotifier>(_notified);
    });

    /// <summary>CPU every 5 s, crossing the warning (70) and critical (90) thresholds repeatedly.</summary>
    private static double ScriptedCpu(int second) => second switch
    {
        < 60 => 60,
        < 300 => second / 20 % 2 == 0 ? 89 : 91, // above warning throughout; around critical, never 60 s above it
        < 480 => 95, // critical held: raises at 360
        < 720 => second / 10 % 2 == 0 ? 88 : 92, // around critical, within its hysteresis band: stays open
        < 900 => 84, // below 90 - 5: critical resolves at 780
        < 1080 => second / 15 % 2 == 0 ? 67 : 72, // around warning, within its band: stays open
        _ => 50, // warning resolves at 1140
    };

    [Fact]
    public async Task AlertsRaiseAfterTheDurationAndResolveOnlyBelowTheHysteresisOnASeriesCrossingThresholdsRepeatedly()
    {
        await using var core = Core();
        var host = $"alert-{Guid.NewGuid():N}"[..20];
        // The agent posts every 30 s, six samples a post.
        for (var post = 0; post < 1260 / 30; post++)
        {
            var seconds = Enumerable.Range(0, 6).Select(i => (post * 30) + (i * 5)).ToArray();
            core.Time.SetUtcNow(T0.AddSeconds(seconds[^1] + 1));
            var reply = await core.IngestAsync(host, seconds.Select(s => T0.AddSeconds(s)), i => ScriptedCpu(seconds[i]));
            Assert.Equal(6, reply.Accepted);
        }

        var events = _notified.Events.Where(e => e.HostId == host).Select(e => (e.Kind, e.Severity, Second: (int)((e.ResolvedAt ?? e.RaisedAt) - T0).TotalSeconds)).ToList();
        Assert.Equal(
        [
            (AlertKinds.Raised, "warning", 120),
            (AlertKinds.Raised, "critical", 360),
            (AlertKinds.Resolved, "critical", 780),
            (AlertKinds.Resolved, "warning", 1140),
        ],
        events);

        var stored = await core.Get<AlertRepository>().ListAsync(host, null, null);
        Assert.Equal(2, stored.Count);
        Assert.All(stored, a => Assert.Equal(AlertStates.Resolved, a.State));
        var critical = stored.Single(a => a.Severity == "critical");
        Assert.Equal("cpu", critical.Metric);
        Assert.Equal(90, critical.Threshold);
        Assert.Equal(95, critical.Value);
        Assert.Equal("CPU usage critical: 95.0%", critical.Message);
        Assert.Equal(T0.AddSeconds(780), critical.ResolvedAt);
        Assert.Equal(84, critical.ResolvedValue);
    }

    [Fact]
    public async Task AHostSilentForThreeIntervalsRaisesHostDownOnceAndReportingAgainResolvesIt()
    {
        await using var core = Core();
        var host = $"down-{Guid.NewGuid():N}"[..20];
        core.Time.SetUtcNow(T0.AddSeconds(1));
        await core.IngestAsync(host, [T0]);
        var detector = core.Get<StaleHostDetector>();

        // The host reports every 60 s: silent for 120 s it is up, for 181 s it is past three intervals.
        core.Time.SetUtcNow(T0.AddSeconds(121));
        Assert.DoesNotContain(host, (await detector.RunAsync()).Down);

        core.Time.SetUtcNow(T0.AddSeconds(182));
        var first = await detector.RunAsync();
        core.Time.SetUtcNow(T0.AddSeconds(242));
        var second = await detector.RunAsync();

        Assert.Contains(host, first.Raised);
        Assert.Contains(host, second.Down);
        Assert.DoesNotContain(host, second.Raised);
        var open = Assert.Single(await core.Get<AlertRepository>().ListAsync(host, AlertStates.Open, null));
        Assert.Equal(AlertMetrics.HostDown, open.Metric);
        Assert.Equal("critical", open.Severity);

        core.Time.SetUtcNow(T0.AddSeconds(271));
        await core.IngestAsync(host, [T0.AddSeconds(270)]);

        Assert.Empty(await core.Get<AlertRepository>().ListAsync(host, AlertStates.Open, null));
        Assert.Equal(AlertStates.Resolved, (await core.Get<AlertRepository>().GetAsync(open.Id))!.State);
        Assert.Equal([AlertKinds.Raised, AlertKinds.Resolved], _notified.Events.Where(e => e.HostId == host).Select(e => e.Kind));
        core.Time.SetUtcNow(T0.AddSeconds(290));
        Assert.DoesNotContain(host, (await detector.RunAsync()).Raised);
    }

    [Fact]
    public async Task TheHostDownLimitFollowsTheStaleAfterIntervalsSettingAndASweepAfterAMissedResolveSaysTheHostIsReportingAgain()
    {
        await using var core = CoreHarness.Create(tables.ConnectionString, T0, new Dictionary<string, string?> { ["Ingest:StaleAfterIntervals"] = "5" },
            s => s.AddSingleton<IAlertNotifier>(_notified));
        var host = $"slow-{Guid.NewGuid():N}"[..20];
        core.Time.SetUtcNow(T0.AddSeconds(1));
        await core.IngestAsync(host, [T0]);
        var detector = core.Get<StaleHostDetector>();

        core.Time.SetUtcNow(T0.AddSeconds(241));
        Assert.DoesNotContain(host, (await detector.RunAsync()).Down); // silent 240 s: past 3 intervals of 60 s, within 5
        core.Time.SetUtcNow(T0.AddSeconds(302));
        Assert.Contains(host, (await detector.RunAsync()).Raised);
        var open = Assert.Single(await core.Get<AlertRepository>().ListAsync(host, AlertStates.Open, null));
        Assert.Equal((300.0, $"Host {host} is down: silent for 301 s (limit 300 s)"), (open.Threshold, open.Message));

        // The host row is refreshed without the alert evaluation at ingest having resolved anything: the sweep resolves it.
        var hosts = core.Get<HostRepository>();
        var known = (await hosts.GetAsync(host))!;
        core.Time.SetUtcNow(T0.AddSeconds(331));
        await hosts.RecordAsync(host, known.Platform, known.Latest with { Timestamp = T0.AddSeconds(330) }, 60, 5, 0);

        Assert.Contains(host, (await detector.RunAsync()).Resolved);
        var resolved = _notified.Events.Last(e => e.HostId == host);
        Assert.Equal((AlertKinds.Resolved, $"Host {host} is reporting again"), (resolved.Kind, resolved.Message));
    }

    [Fact]
    public async Task AHostFoundDownMarksItsOpenRuleAlertsNoDataAndItsNextPostWithTheValueClearsTheMark()
    {
        await using var core = CoreHarness.Create(tables.ConnectionString, T0, new Dictionary<string, string?> { ["Alerts:DurationSeconds"] = "0" },
            s => s.AddSingleton<IAlertNotifier>(_notified));
        var host = $"mute-{Guid.NewGuid():N}"[..20];
        core.Time.SetUtcNow(T0.AddSeconds(1));
        await core.IngestAsync(host, [T0], _ => 95);
        var alerts = core.Get<AlertRepository>();
        var open = await alerts.ListAsync(host, AlertStates.Open, null);
        Assert.Equal(["critical", "warning"], open.Select(a => a.Severity).Order(StringComparer.Ordinal));

        core.Time.SetUtcNow(T0.AddSeconds(200));
        Assert.Contains(host, (await core.Get<StaleHostDetector>().RunAsync()).Raised);
        foreach (var a in open)
        {
            Assert.True((await alerts.GetAsync(a.Id))!.NoData);
        }

        core.Time.SetUtcNow(T0.AddSeconds(231));
        await core.IngestAsync(host, [T0.AddSeconds(230)], _ => 95);
        foreach (var a in open)
        {
            var after = (await alerts.GetAsync(a.Id))!;
            Assert.Equal((AlertStates.Open, false), (after.State, after.NoData));
        }

        Assert.DoesNotContain(await alerts.ListAsync(host, AlertStates.Open, null), a => a.Metric == AlertMetrics.HostDown);
    }
}
