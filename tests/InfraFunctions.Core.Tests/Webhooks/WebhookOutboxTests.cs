using Azure.Data.Tables;
using InfraFunctions.Core.Alerts;
using InfraFunctions.Core.Storage;
using InfraFunctions.Core.Webhooks;
using InfraFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace InfraFunctions.Core.Tests.Webhooks;

public sealed class WebhookOutboxTests : IAsyncLifetime
{
    // Tables of its own: a redelivery sweep takes every expired row of the account whose channel it knows.
    private readonly TablesFixture _tables = TablesFixture.Isolated();

    public Task InitializeAsync() => _tables.InitializeAsync();

    public Task DisposeAsync() => _tables.DisposeAsync();

    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    private CoreHarness Core(WebhookReceiver receiver) =>
        CoreHarness.Create(_tables.ConnectionString, T0, new Dictionary<string, string?>
        {
            ["Webhooks:GenericUrls"] = receiver.Url("generic").ToString(),
            ["Webhooks:SlackUrls"] = receiver.Url("slack").ToString(),
            ["Webhooks:RetryDelayMilliseconds"] = "50",
        });

    private static AlertEvent Raised(string alertId) =>
        new(AlertKinds.Raised, alertId, "outbox-host", "disk", "critical", 96.2, 95, "Disk usage critical: 96.2%", T0, null);

    private static async Task<WebhookDeliveryService> StartDeliveryAsync(CoreHarness core)
    {
        var delivery = ActivatorUtilities.CreateInstance<WebhookDeliveryService>(core.Provider, TimeProvider.System);
        await delivery.StartAsync(CancellationToken.None);
        return delivery;
    }

    private string[] Rows(string alertId) =>
        _tables.Service.GetTableClient(TableNames.Webhooks).Query<TableEntity>(select: ["RowKey"]).Select(r => r.RowKey).Where(k => k.StartsWith(alertId, StringComparison.Ordinal)).ToArray();

    private async Task<string[]> RowsWhenSettledAsync(string alertId)
    {
        for (var i = 0; i < 100 && Rows(alertId).Length > 0; i++)
        {
            await Task.Delay(50);
        }

        return Rows(alertId);
    }

    [Fact]
    public async Task EachDeliveryIsRecordedUntilItEnds()
    {
        await using var receiver = new WebhookReceiver(AzuriteServer.FreePort());
        await receiver.StartAsync();
        await using var core = Core(receiver);
        var alertId = $"0639000000000000000-{Guid.NewGuid():N}"[..28];

        await core.Get<WebhookNotifier>().NotifyAsync(Raised(alertId));
        Assert.Equal(2, Rows(alertId).Length); // generic and Slack, before anything is sent

        using var delivery = await StartDeliveryAsync(core);
        await receiver.WaitForAsync(2, TimeSpan.FromSeconds(10));
        Assert.Empty(await RowsWhenSettledAsync(alertId));
        await delivery.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task DeliveriesAnInstanceLeftUnfinishedAreSentByTheSweepOnAnotherOnceTheirLeaseRunsOut()
    {
        await using var receiver = new WebhookReceiver(AzuriteServer.FreePort());
        await receiver.StartAsync();
        var alertId = $"0639000000000000001-{Guid.NewGuid():N}"[..28];

        // The first instance records and queues the event, then stops before its delivery service sends anything.
        await using (var stopped = Core(receiver))
        {
            await stopped.Get<WebhookNotifier>().NotifyAsync(Raised(alertId));
        }

        await using var other = Core(receiver);
        using var delivery = await StartDeliveryAsync(other);
        var sweep = other.Get<WebhookRedelivery>();
        Assert.Equal(0, (await sweep.RunAsync()).Requeued); // still leased to the stopped instance

        other.Time.Advance(TimeSpan.FromSeconds(10) + WebhookOutbox.LeaseMargin + TimeSpan.FromSeconds(1));
        Assert.Equal(2, (await sweep.RunAsync()).Requeued);
        Assert.Equal(0, (await sweep.RunAsync()).Requeued); // leased to this instance now

        var hooks = await receiver.WaitForAsync(2, TimeSpan.FromSeconds(10));
        Assert.Equal(["generic", "slack"], hooks.Select(h => h.Path).Order());
        Assert.All(hooks, h => Assert.Contains(alertId, h.Body.ToString(), StringComparison.Ordinal));
        Assert.Empty(await RowsWhenSettledAsync(alertId));
        await delivery.StopAsync(CancellationToken.None);
    }
}
