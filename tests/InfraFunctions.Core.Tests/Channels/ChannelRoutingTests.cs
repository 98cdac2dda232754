using Azure.Data.Tables;
using InfraFunctions.Core.Alerts;
using InfraFunctions.Core.Channels;
using InfraFunctions.Core.Storage;
using InfraFunctions.Core.Webhooks;
using InfraFunctions.Testing;

namespace InfraFunctions.Core.Tests.Channels;

/// <summary>Which channels an event reaches, on tables of its own: default run-time channels here must reach no other test's alerts.</summary>
public sealed class ChannelRoutingTests : IAsyncLifetime
{
    private readonly TablesFixture _tables = TablesFixture.Isolated();

    public Task InitializeAsync() => _tables.InitializeAsync();

    public Task DisposeAsync() => _tables.DisposeAsync();

    private Task<ChannelFixture> StartAsync(bool deliver = true) =>
        ChannelFixture.StartAsync(_tables.ConnectionString, new Dictionary<string, string?> { ["Webhooks:SlackUrls"] = "{receiver}/configured-slack" }, deliver);

    [Fact]
    public async Task AnEventNamingNoChannelGoesToTheConfiguredAndTheDefaultRunTimeChannelsOnly()
    {
        await using var f = await StartAsync();
        var onCall = await f.AddAsync(ChannelKinds.Webhook, f.Receiver.Url("on-call").ToString(), isDefault: true);
        await f.AddAsync(ChannelKinds.Webhook, f.Receiver.Url("team-db").ToString());

        var alertId = ChannelFixture.NewAlertId();
        await f.Notifier.SendAsync(ChannelFixture.Event(AlertKinds.Raised, alertId));
        var hooks = await f.Receiver.WaitForAsync(2, TimeSpan.FromSeconds(10));
        await Task.Delay(300); // a third delivery, were one wrongly queued, has had its time

        Assert.Equal(["configured-slack", "on-call"], f.Receiver.Received.Select(h => h.Path).Order(StringComparer.Ordinal));
        Assert.Equal(2, hooks.Count);
        Assert.Equal(onCall.Id, (await f.Directory.RouteAsync([])).Channels.Single(c => !c.IsConfigured).Id);
    }

    [Fact]
    public async Task AnEventNamingChannelsGoesToThoseOnlyAndAnUnknownIdIsLoggedAndSkipped()
    {
        await using var f = await StartAsync();
        await f.AddAsync(ChannelKinds.Webhook, f.Receiver.Url("on-call").ToString(), isDefault: true);
        var team = await f.AddAsync(ChannelKinds.Webhook, f.Receiver.Url("team-db").ToString());

        await f.Notifier.SendAsync(ChannelFixture.Event(AlertKinds.Raised, ChannelFixture.NewAlertId(), team.Id, "ch-000000000000", "config-slack-1"));
        await f.Receiver.WaitForAsync(2, TimeSpan.FromSeconds(10));
        await Task.Delay(300);

        Assert.Equal(["configured-slack", "team-db"], f.Receiver.Received.Select(h => h.Path).Order(StringComparer.Ordinal));
        Assert.Contains(f.Logs.Lines, l => l.Contains("ch-000000000000", StringComparison.Ordinal) && l.Contains("does not exist", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoSecretReachesALogOrAnOutboxRowWhetherTheReceiverAcceptsRefusesRetriesOrIsDown()
    {
        await using var f = await StartAsync();
        var secrets = new[] { "S3CRETPATHxyz", "R0UTINGKEY0123456789abcdefabcdef", "GENIEKEY-0123456789", "tk_ntfytoken0123456789" };
        var slack = await f.AddAsync(ChannelKinds.Slack, f.Receiver.Url("services/T0/B0/S3CRETPATHxyz").ToString());
        var pd = await f.AddAsync(ChannelKinds.PagerDuty, f.Receiver.Url("v2/enqueue").ToString(), routingKey: secrets[1]);
        var og = await f.AddAsync(ChannelKinds.Opsgenie, $"http://127.0.0.1:{AzuriteServer.FreePort()}/S3CRETPATHxyz", apiKey: secrets[2]);
        var ntfy = await f.AddAsync(ChannelKinds.Ntfy, f.Receiver.Url("topic-S3CRETPATHxyz").ToString(), apiKey: secrets[3]);
        f.Receiver.Failures.Enqueue(503);
        f.Receiver.Failures.Enqueue(400);

        var alertId = ChannelFixture.NewAlertId();
        // Recorded but not yet delivered: the outbox rows as they stand before any send.
        await using (var recorder = await StartAsync(deliver: false))
        {
            await recorder.Notifier.SendAsync(ChannelFixture.Event(AlertKinds.Raised, alertId, slack.Id, pd.Id, og.Id, ntfy.Id));
        }

        var rows = _tables.Service.GetTableClient(TableNames.Webhooks).Query<TableEntity>().Where(r => r.RowKey.StartsWith(alertId, StringComparison.Ordinal)).ToArray();
        await f.Notifier.SendAsync(ChannelFixture.Event(AlertKinds.Raised, ChannelFixture.NewAlertId(), slack.Id, pd.Id, og.Id, ntfy.Id));
        await f.Receiver.WaitForAsync(4, TimeSpan.FromSeconds(10));
        await WaitForAsync(() => f.Logs.Lines.Any(l => l.Contains("gave up", StringComparison.Ordinal)));

        Assert.Equal(4, rows.Length);
        Assert.All(rows, r => Assert.DoesNotContain(r, v => secrets.Any(s => Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture)!.Contains(s, StringComparison.Ordinal))));
        Assert.NotEmpty(f.Logs.Lines);
        Assert.DoesNotContain(f.Logs.Lines, l => secrets.Any(s => l.Contains(s, StringComparison.Ordinal)));
        Assert.Contains(f.Logs.Lines, l => l.Contains(og.Id, StringComparison.Ordinal) && l.Contains("gave up", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheSweepRedeliversToARunTimeChannelByIdAndDropsTheRowsOfAChannelDeletedMeanwhile()
    {
        await using var f = await StartAsync();
        var kept = await f.AddAsync(ChannelKinds.Webhook, f.Receiver.Url("kept").ToString());
        var deleted = await f.AddAsync(ChannelKinds.Webhook, f.Receiver.Url("deleted").ToString());
        var alertId = ChannelFixture.NewAlertId();
        await using (var stopped = await StartAsync(deliver: false))
        {
            await stopped.Notifier.SendAsync(ChannelFixture.Event(AlertKinds.Raised, alertId, kept.Id, deleted.Id));
        }

        Assert.True(await f.Directory.DeleteAsync(deleted.Id));
        f.Core.Time.Advance(TimeSpan.FromSeconds(10) + WebhookOutbox.LeaseMargin + TimeSpan.FromSeconds(1));
        var report = await f.Core.Get<WebhookRedelivery>().RunAsync();
        var hooks = await f.Receiver.WaitForAsync(1, TimeSpan.FromSeconds(10));
        await WaitForAsync(() => Rows(alertId).Length == 0);

        Assert.Equal(1, report.Requeued);
        Assert.Equal(["kept"], hooks.Select(h => h.Path));
        Assert.Empty(Rows(alertId));
    }

    [Fact]
    public async Task AlertsOnAnotherInstanceReachANewDefaultChannelAfterTheCacheTimeAndOnTheInstanceThatMadeItAtOnce()
    {
        await using var a = await StartAsync(deliver: false);
        await using var b = await StartAsync(deliver: false);
        Assert.Single(await b.Directory.AllAsync()); // only the configured one, now remembered

        var added = await a.AddAsync(ChannelKinds.Webhook, a.Receiver.Url("x").ToString(), isDefault: true);

        Assert.Contains(added.Id, await DefaultIdsAsync(a));
        Assert.DoesNotContain(added.Id, await DefaultIdsAsync(b));
        Assert.Contains(added.Id, await b.Directory.IdsAsync()); // rule validation reads afresh
        b.Core.Time.Advance(ChannelDirectory.CacheFor + TimeSpan.FromSeconds(1));
        Assert.Contains(added.Id, await DefaultIdsAsync(b));
    }

    private static async Task<string[]> DefaultIdsAsync(ChannelFixture f) => [.. (await f.Directory.RouteAsync(null)).Channels.Select(c => c.Id)];

    private string[] Rows(string alertId) =>
        _tables.Service.GetTableClient(TableNames.Webhooks).Query<TableEntity>(select: ["RowKey"]).Select(r => r.RowKey).Where(k => k.StartsWith(alertId, StringComparison.Ordinal)).ToArray();

    private static async Task WaitForAsync(Func<bool> condition)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition() && !deadline.IsCancellationRequested)
        {
            await Task.Delay(20, CancellationToken.None);
        }
    }
}
