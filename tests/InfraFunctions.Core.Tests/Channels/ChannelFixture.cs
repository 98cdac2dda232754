using InfraFunctions.Core.Alerts;
using InfraFunctions.Core.Channels;
using InfraFunctions.Core.Webhooks;
using InfraFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InfraFunctions.Core.Tests.Channels;

/// <summary>A core on tables of its own (default channels made here must reach no other test), a receiver, and the delivery service on real time.</summary>
internal sealed class ChannelFixture : IAsyncDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    private WebhookDeliveryService? _delivery;

    private ChannelFixture(CoreHarness core, WebhookReceiver receiver, RecordedLogs logs)
    {
        Core = core;
        Receiver = receiver;
        Logs = logs;
    }

    public CoreHarness Core { get; }

    public WebhookReceiver Receiver { get; }

    public RecordedLogs Logs { get; }

    public ChannelDirectory Directory => Core.Get<ChannelDirectory>();

    public WebhookNotifier Notifier => Core.Get<WebhookNotifier>();

    /// <param name="settings">App settings; <c>{receiver}</c> in a value stands for this fixture's receiver.</param>
    public static async Task<ChannelFixture> StartAsync(string connectionString, IDictionary<string, string?>? settings = null, bool deliver = true)
    {
        var receiver = new WebhookReceiver(AzuriteServer.FreePort());
        await receiver.StartAsync();
        var logs = new RecordedLogs();
        var values = new Dictionary<string, string?> { ["Webhooks:RetryDelayMilliseconds"] = "50", ["Webhooks:MaxAttempts"] = "3" };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            values[k] = v?.Replace("{receiver}", $"http://127.0.0.1:{receiver.Port}", StringComparison.Ordinal);
        }

        var core = CoreHarness.Create(connectionString, T0, values, s => s.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)));
        var fixture = new ChannelFixture(core, receiver, logs);
        if (deliver)
        {
            // Real time for delivery backoff: the fake clock drives only leases and the channel cache here.
            fixture._delivery = ActivatorUtilities.CreateInstance<WebhookDeliveryService>(core.Provider, TimeProvider.System);
            await fixture._delivery.StartAsync(CancellationToken.None);
        }

        return fixture;
    }

    public async Task<ChannelRecord> AddAsync(string kind, string? url, string? routingKey = null, string? apiKey = null, bool isDefault = false, string? name = null)
    {
        var channel = new ChannelRecord(ChannelRepository.NewId(), name ?? $"{kind} channel", kind, isDefault, ChannelRecord.FromApi, url, routingKey, apiKey, T0, "tests");
        await Directory.SaveAsync(channel);
        return channel;
    }

    public static AlertEvent Event(string kind, string alertId, params string[] channels) => new(
        kind, alertId, "db-1", "cpu", "critical", 95.1, 90, "CPU usage critical: 95.1%", T0, kind == AlertKinds.Resolved ? T0.AddMinutes(5) : null,
        "builtin-cpu", "CPU usage", channels);

    public static string NewAlertId() => $"0639000000000000000-{Guid.NewGuid():N}"[..28];

    public async ValueTask DisposeAsync()
    {
        if (_delivery is not null)
        {
            await _delivery.StopAsync(CancellationToken.None);
            _delivery.Dispose();
        }

        await Core.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}
