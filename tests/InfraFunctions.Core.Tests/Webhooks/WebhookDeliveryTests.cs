using InfraFunctions.Core.Alerts;
using InfraFunctions.Core.Webhooks;
using InfraFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace InfraFunctions.Core.Tests.Webhooks;

public sealed class WebhookDeliveryTests(TablesFixture tables) : IClassFixture<TablesFixture>
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    private static AlertEvent Raised(string host) =>
        new(AlertKinds.Raised, "0638999000000000000-abcdef01", host, "cpu", "critical", 95.1, 90, "CPU usage critical: 95.1%", T0, null);

    private CoreHarness Core(WebhookReceiver receiver, int maxAttempts = 6, int delayMs = 50, Action<IServiceCollection>? services = null) =>
        CoreHarness.Create(tables.ConnectionString, T0, new Dictionary<string, string?>
        {
            ["Webhooks:GenericUrls"] = receiver.Url("generic").ToString(),
            ["Webhooks:SlackUrls"] = receiver.Url("slack").ToString(),
            ["Webhooks:TeamsUrls"] = receiver.Url("teams").ToString(),
            ["Webhooks:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Webhooks:RetryDelayMilliseconds"] = delayMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, services);

    private static async Task<WebhookDeliveryService> StartDeliveryAsync(CoreHarness core)
    {
        // Real time for delivery backoff: the fake clock drives only the alert logic here.
        var delivery = ActivatorUtilities.CreateInstance<WebhookDeliveryService>(core.Provider, TimeProvider.System);
        await delivery.StartAsync(CancellationToken.None);
        return delivery;
    }

    [Fact]
    public async Task GenericSlackAndTeamsReceiversEachGetTheirOwnPayload()
    {
        await using var receiver = new WebhookReceiver(AzuriteServer.FreePort());
        await receiver.StartAsync();
        await using var core = Core(receiver);
        using var delivery = await StartDeliveryAsync(core);

        await core.Get<WebhookNotifier>().NotifyAsync(Raised("web-1"));
        var hooks = (await receiver.WaitForAsync(3, TimeSpan.FromSeconds(10))).ToDictionary(h => h.Path);
        await delivery.StopAsync(CancellationToken.None);

        Assert.Equal(3, hooks.Count);
        var generic = hooks["generic"].Body;
        Assert.Equal("raised", generic.GetProperty("kind").GetString());
        Assert.Equal("web-1", generic.GetProperty("host_id").GetString());
        Assert.Equal(95.1, generic.GetProperty("value").GetDouble());
        Assert.Equal("2026-11-27T10:00:00Z", generic.GetProperty("raised_at").GetString());
        Assert.StartsWith("application/json", hooks["generic"].ContentType, StringComparison.Ordinal);
        Assert.Contains("[CRITICAL] web-1: CPU usage critical: 95.1%", hooks["slack"].Body.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("MessageCard", hooks["teams"].Body.GetProperty("@type").GetString());
        Assert.Equal("E01E5A", hooks["teams"].Body.GetProperty("themeColor").GetString());
    }

    [Fact]
    public async Task AReceiverThatIsDownThenUpGetsTheEventAfterRetriesWithBackoff()
    {
        await using var receiver = new WebhookReceiver(AzuriteServer.FreePort());
        var failed = new FailedSends();
        await using var core = Core(receiver, maxAttempts: 10, delayMs: 100,
            services: s => s.AddHttpClient(WebhookDeliveryService.ClientName).AddHttpMessageHandler(failed.Handler));
        using var delivery = await StartDeliveryAsync(core);

        await core.Get<WebhookNotifier>().NotifyAsync(Raised("db-1"));
        // Every receiver is tried, and tried again after its backoff, while nothing listens.
        Assert.True(await failed.WaitForAsync(["generic", "slack", "teams"], times: 2), "the deliveries were not retried while the receiver was down");
        receiver.Failures.Enqueue(503); // when it comes up, it is overloaded once more
        await receiver.StartAsync();
        var hooks = await receiver.WaitForAsync(4, TimeSpan.FromSeconds(20));
        await delivery.StopAsync(CancellationToken.None);

        // Three receivers, one of which saw a 503 first and got a retry.
        Assert.Equal(4, hooks.Count);
        Assert.Equal(3, hooks.Select(h => h.Path).Distinct().Count());
        Assert.All(hooks, h => Assert.Contains("db-1", h.Body.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void BackoffDoublesFromTheBaseDelayUpToFiveMinutesAndHonoursALongerRetryAfter()
    {
        Assert.Equal(TimeSpan.FromSeconds(2), WebhookDeliveryService.Backoff(2000, 1));
        Assert.Equal(TimeSpan.FromSeconds(8), WebhookDeliveryService.Backoff(2000, 3));
        Assert.Equal(TimeSpan.FromMinutes(5), WebhookDeliveryService.Backoff(2000, 30));
        Assert.Equal(TimeSpan.FromSeconds(30), WebhookDeliveryService.Backoff(2000, 1, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task IngestRaisingAnAlertReturnsWhileTheReceiverIsDownAndAFailingNotifierHarmsNothing()
    {
        await using var receiver = new WebhookReceiver(AzuriteServer.FreePort());
        await using var core = Core(receiver, maxAttempts: 20, delayMs: 100, services: s => s.AddSingleton<IAlertNotifier>(new Alerts.FailingNotifier()));
        using var delivery = await StartDeliveryAsync(core);
        var host = $"hook-{Guid.NewGuid():N}"[..20];

        var started = System.Diagnostics.Stopwatch.StartNew();
        core.Time.SetUtcNow(T0.AddSeconds(90));
        var reply = await core.IngestAsync(host, Enumerable.Range(0, 15).Select(i => T0.AddSeconds(i * 5)), _ => 97);
        var took = started.Elapsed;

        Assert.Equal(15, reply.Accepted);
        Assert.True(took < TimeSpan.FromSeconds(5), $"ingest took {took}");
        await receiver.StartAsync();
        var hooks = await receiver.WaitForAsync(6, TimeSpan.FromSeconds(20));
        await delivery.StopAsync(CancellationToken.None);
        // Warning and critical both raised: each sent to the three receivers once the receiver came up.
        Assert.Equal(6, hooks.Count(h => h.Body.ToString().Contains(host, StringComparison.Ordinal)));
    }
}
