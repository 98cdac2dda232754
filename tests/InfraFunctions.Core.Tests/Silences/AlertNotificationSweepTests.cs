using System.Collections.Concurrent;
using InfraFunctions.Core.Alerts;
using InfraFunctions.Core.Silences;
using InfraFunctions.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace InfraFunctions.Core.Tests.Silences;

public sealed class AlertNotificationSweepTests(TablesFixture tables) : IClassFixture<TablesFixture>
{
    private static readonly DateTimeOffset T0 = new(2031, 5, 6, 10, 0, 0, TimeSpan.Zero);
    private readonly RecordingSender _sent = new();

    private CoreHarness Core() => CoreHarness.Create(tables.ConnectionString, T0);

    private AlertNotificationSweep Sweep(CoreHarness core) =>
        new(core.Get<AlertRepository>(), core.Get<SilenceFinder>(), core.Get<SilenceRepository>(), _sent, core.Time, NullLogger<AlertNotificationSweep>.Instance);

    private static string NewHost() => $"sweep-{Guid.NewGuid():N}"[..20];

    private List<string> SentFor(string alertId) => [.. _sent.Events.Where(e => e.AlertId == alertId).Select(e => e.Kind)];

    [Fact]
    public async Task AHeldAlertIsSentOnceAsRaisedAfterItsSilenceEndsAndNotWhileItLasts()
    {
        await using var core = Core();
        var host = NewHost();
        await SilenceGateTests.SilenceAsync(core, new SilenceMatchers(Host: host), TimeSpan.FromMinutes(30));
        var alert = await SilenceGateTests.StoredAlertAsync(core, host);
        Assert.False((await core.Get<IAlertNotificationGate>().DecideAsync(AlertEvent.Of(alert, AlertKinds.Raised))).Send);
        var sweep = Sweep(core);

        var during = await sweep.RunAsync();
        core.Time.Advance(TimeSpan.FromMinutes(30));
        var after = await sweep.RunAsync();
        var again = await sweep.RunAsync();

        Assert.DoesNotContain(alert.Id, during.Sent);
        Assert.True(during.StillHeld >= 1);
        Assert.Contains(alert.Id, after.Sent);
        Assert.DoesNotContain(alert.Id, again.Sent);
        Assert.Equal([AlertKinds.Raised], SentFor(alert.Id));
        var stored = await core.Get<AlertRepository>().GetAsync(alert.Id);
        Assert.Equal(((string?)null, (string?)null, (DateTimeOffset?)T0.AddMinutes(30)), (stored!.HeldFor, stored.SilenceId, stored.NotifiedAt));
    }

    [Fact]
    public async Task AResolveHeldBySilenceIsSentOnceWhenItEndsAndAnAlertResolvedBeforeItWasEverSentNever()
    {
        await using var core = Core();
        var host = NewHost();
        var sentBefore = await SilenceGateTests.StoredAlertAsync(core, host, notifiedAt: T0.AddHours(-1));
        await SilenceGateTests.SilenceAsync(core, new SilenceMatchers(Host: host), TimeSpan.FromMinutes(30));
        var raisedDuring = await SilenceGateTests.StoredAlertAsync(core, host);
        var gate = core.Get<IAlertNotificationGate>();
        var publisher = core.Get<AlertPublisher>();
        Assert.False((await gate.DecideAsync(AlertEvent.Of(raisedDuring, AlertKinds.Raised))).Send);
        // Resolved through the publisher: the gate it reaches through the webhook notifier holds one and drops the other.
        await publisher.ResolveAsync(sentBefore.Id, 10, "CPU usage back to normal", T0.AddMinutes(5));
        await publisher.ResolveAsync(raisedDuring.Id, 10, "CPU usage back to normal", T0.AddMinutes(5));
        Assert.Equal("silenced", (await core.Get<AlertRepository>().GetAsync(sentBefore.Id))!.HeldFor);

        core.Time.Advance(TimeSpan.FromMinutes(31));
        var after = await Sweep(core).RunAsync();
        var again = await Sweep(core).RunAsync();

        Assert.Equal([AlertKinds.Resolved], SentFor(sentBefore.Id));
        Assert.Contains(sentBefore.Id, after.ResolvesSent);
        Assert.DoesNotContain(sentBefore.Id, again.ResolvesSent);
        Assert.Empty(SentFor(raisedDuring.Id));
    }

    [Fact]
    public async Task TwoInstancesSweepingAtOnceSendAHeldAlertOnlyOnce()
    {
        await using var one = Core();
        await using var two = Core();
        var host = NewHost();
        await SilenceGateTests.SilenceAsync(one, new SilenceMatchers(Host: host), TimeSpan.FromMinutes(5));
        var alerts = new List<AlertRecord>();
        for (var i = 0; i < 5; i++)
        {
            var alert = await SilenceGateTests.StoredAlertAsync(one, host);
            await one.Get<IAlertNotificationGate>().DecideAsync(AlertEvent.Of(alert, AlertKinds.Raised));
            alerts.Add(alert);
        }

        one.Time.Advance(TimeSpan.FromMinutes(6));
        two.Time.Advance(TimeSpan.FromMinutes(6));
        await Task.WhenAll(Sweep(one).RunAsync(), Sweep(two).RunAsync(), Sweep(one).RunAsync());

        Assert.All(alerts, a => Assert.Equal([AlertKinds.Raised], SentFor(a.Id)));
    }

    [Fact]
    public async Task AnOpenAlertIsSentAgainEachTimeItsRenotifyIntervalPassesUnlessAcknowledgedOrSilenced()
    {
        await using var core = Core();
        var repository = core.Get<AlertRepository>();
        var (host, quietHost) = (NewHost(), NewHost());
        var due = await SilenceGateTests.StoredAlertAsync(core, host, notifiedAt: T0);
        await repository.UpdateAsync(due.Id, a => a with { RenotifyMinutes = 10 });
        var acknowledged = await SilenceGateTests.StoredAlertAsync(core, host, notifiedAt: T0);
        await repository.UpdateAsync(acknowledged.Id, a => a with { RenotifyMinutes = 10, AcknowledgedAt = T0, AcknowledgedBy = "ops" });
        var silenced = await SilenceGateTests.StoredAlertAsync(core, quietHost, notifiedAt: T0);
        await repository.UpdateAsync(silenced.Id, a => a with { RenotifyMinutes = 10 });
        await SilenceGateTests.SilenceAsync(core, new SilenceMatchers(Host: quietHost), TimeSpan.FromHours(2));
        var sweep = Sweep(core);

        core.Time.Advance(TimeSpan.FromMinutes(9));
        var early = await sweep.RunAsync();
        core.Time.Advance(TimeSpan.FromMinutes(1));
        var onTime = await sweep.RunAsync();
        var sameMinute = await sweep.RunAsync();
        core.Time.Advance(TimeSpan.FromMinutes(10));
        var nextInterval = await sweep.RunAsync();

        Assert.DoesNotContain(due.Id, early.Renotified);
        Assert.Contains(due.Id, onTime.Renotified);
        Assert.DoesNotContain(due.Id, sameMinute.Renotified);
        Assert.Contains(due.Id, nextInterval.Renotified);
        Assert.Equal([AlertKinds.Renotify, AlertKinds.Renotify], SentFor(due.Id));
        Assert.StartsWith("Still open: ", _sent.Events.First(e => e.AlertId == due.Id).Message, StringComparison.Ordinal);
        Assert.Empty(SentFor(acknowledged.Id));
        Assert.Empty(SentFor(silenced.Id));
    }

    [Fact]
    public async Task ASilenceThatEndedOverAWeekAgoIsDeletedAndOneThatEndedLaterIsKept()
    {
        await using var core = Core();
        var old = await SilenceGateTests.SilenceAsync(core, new SilenceMatchers(Host: NewHost()), TimeSpan.FromHours(1));
        core.Time.Advance(TimeSpan.FromDays(2));
        var recent = await SilenceGateTests.SilenceAsync(core, new SilenceMatchers(Host: NewHost()), TimeSpan.FromHours(1));
        core.Time.Advance(TimeSpan.FromDays(6));

        await Sweep(core).RunAsync();

        var left = (await core.Get<SilenceRepository>().ListAsync()).Select(s => s.Id).ToArray();
        Assert.DoesNotContain(old.Id, left);
        Assert.Contains(recent.Id, left);
    }

    private sealed class RecordingSender : IAlertChannelSender
    {
        public ConcurrentQueue<AlertEvent> Events { get; } = new();

        public Task SendAsync(AlertEvent alert, CancellationToken cancellationToken = default)
        {
            Events.Enqueue(alert);
            return Task.CompletedTask;
        }
    }
}
