using InfraFunctions.Core.Ingest;
using InfraFunctions.Core.Monitor;
using InfraFunctions.Core.Realtime;
using InfraFunctions.Core.Webhooks;

namespace InfraFunctions.Core.Observability;

/// <summary>
/// Checks every dependency in parallel, each bounded by <see cref="CheckTimeout"/>, so one hanging dependency never
/// hangs the caller; the overall status is the worst of them.
/// </summary>
public sealed class ComponentHealthService(
    TableStore store,
    HostRepository hosts,
    SignalRAccess signalR,
    SignalRRestClient signalRClient,
    MonitorClients monitor,
    IOptionsMonitor<MonitorOptions> monitorOptions,
    Channels.ChannelDirectory channels,
    IOptionsMonitor<IngestOptions> ingestOptions,
    WebhookOutcomes webhooks,
    RealtimeCounters realtime,
    IngestCounters ingest,
    CircuitBreakerStates circuits,
    TimeProvider time)
{
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(2);

    // A point read slower than this still works, but something is wrong.
    private static readonly TimeSpan SlowRead = TimeSpan.FromSeconds(1);

    public async Task<IReadOnlyList<ComponentHealth>> CheckAsync(CancellationToken cancellationToken = default)
    {
        var checks = new[]
        {
            RunAsync("table_storage", TableStorageAsync, cancellationToken),
            RunAsync("signalr", SignalRAsync, cancellationToken),
            RunAsync("log_analytics", LogAnalyticsAsync, cancellationToken),
            RunAsync("webhooks", WebhooksAsync, cancellationToken),
            RunAsync("agent_fleet", FleetAsync, cancellationToken),
        };
        return await Task.WhenAll(checks);
    }

    public IReadOnlyList<OutboundClientState> Clients() =>
    [
        new("signalr", circuits.State(RealtimeServiceCollectionExtensions.ResiliencePipeline) ?? "closed", realtime.ConsecutiveFailures, realtime.LastError),
        new("webhooks", "none", 0, webhooks.Last is { Delivered: false } w ? w.Error : null),
        new("log_analytics", "none", 0, null),
        new("azure_monitor_metrics", "none", 0, null),
    ];

    public ThrottleCounters Counters() =>
        new(ingest.Throttled, realtime.Published, realtime.Failed, realtime.Dropped, webhooks.Delivered, webhooks.Failed);

    private async Task<ComponentHealth> RunAsync(string name, Func<CancellationToken, Task<(string Status, string? Error, string? Detail)>> check, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        (string Status, string? Error, string? Detail) result;
        try
        {
            result = await check(cts.Token).WaitAsync(CheckTimeout, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            await cts.CancelAsync();
            result = (ComponentStatus.Unhealthy, $"No answer within {CheckTimeout.TotalSeconds:0.#} s.", null);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            result = (ComponentStatus.Unhealthy, FirstLine(ex.Message), null);
        }

        return new ComponentHealth(name, result.Status, Math.Round(time.GetElapsedTime(started).TotalMilliseconds, 1), result.Error, result.Detail);
    }

    private async Task<(string, string?, string?)> TableStorageAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        try
        {
            await store.Service.GetTableClient(TableNames.Hosts).GetEntityIfExistsAsync<TableEntity>("health", "probe", ["PartitionKey"], cancellationToken);
        }
        catch (RequestFailedException ex) when (TableStore.IsNotFound(ex))
        {
            // no hosts table yet: the service answered, which is what is checked
        }

        return time.GetElapsedTime(started) > SlowRead
            ? (ComponentStatus.Degraded, null, "The point read took over a second.")
            : (ComponentStatus.Healthy, null, "Point read of the hosts table.");
    }

    private async Task<(string, string?, string?)> SignalRAsync(CancellationToken cancellationToken)
    {
        if (!signalR.IsConfigured)
        {
            return (ComponentStatus.NotConfigured, null, "AzureSignalRConnectionString is not set: live updates are off.");
        }

        if (!await signalRClient.IsHealthyAsync(cancellationToken))
        {
            return (ComponentStatus.Unhealthy, "HEAD /api/health did not answer 200.", null);
        }

        return realtime.ConsecutiveFailures > 0
            ? (ComponentStatus.Degraded, realtime.LastError, $"The service answers, but the last {realtime.ConsecutiveFailures} publishes failed.")
            : (ComponentStatus.Healthy, null, "HEAD /api/health answered 200.");
    }

    private async Task<(string, string?, string?)> LogAnalyticsAsync(CancellationToken cancellationToken)
    {
        if (monitorOptions.CurrentValue.WorkspaceId is not { Length: > 0 } workspace)
        {
            return (ComponentStatus.NotConfigured, null, $"{MonitorOptions.WorkspaceSetting} is not set: traces are off.");
        }

        var result = await monitor.Logs.QueryAsync(workspace, "print ok = 1", TimeSpan.FromMinutes(5), cancellationToken);
        return result.PartialError is { } partial ? (ComponentStatus.Degraded, partial, null) : (ComponentStatus.Healthy, null, "A one-row query answered.");
    }

    private async Task<(string, string?, string?)> WebhooksAsync(CancellationToken cancellationToken)
    {
        if (channels.Configured().Count == 0 && !await AnyStoredChannelAsync(cancellationToken))
        {
            return (ComponentStatus.NotConfigured, null, "No notification channel is set: add one with POST /api/v1/observability/channels or a Webhooks__*Urls setting.");
        }

        return webhooks.Last switch
        {
            null => (ComponentStatus.Healthy, null, "No delivery yet on this instance."),
            { Delivered: true } w => (ComponentStatus.Healthy, null, $"Last delivery to {w.Receiver} at {w.At:O} was accepted."),
            var w => (ComponentStatus.Degraded, w.Error, $"Last delivery to {w.Receiver} at {w.At:O} failed."),
        };
    }

    // Table trouble is the table check's to report; here it only means the run-time channels are not known.
    private async Task<bool> AnyStoredChannelAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await channels.AllAsync(cancellationToken: cancellationToken)).Count > 0;
        }
        catch (Exception ex) when (StorageFailure.IsTransient(ex))
        {
            return true;
        }
    }

    private async Task<(string, string?, string?)> FleetAsync(CancellationToken cancellationToken)
    {
        var fleet = await hosts.ListAsync(cancellationToken);
        if (fleet.Count == 0)
        {
            return (ComponentStatus.Degraded, null, "No host has reported yet.");
        }

        var now = time.GetUtcNow();
        var staleness = new Staleness(ingestOptions.CurrentValue);
        var reporting = fleet.Count(h => !staleness.IsStale(h.LastSeen, h.IntervalSeconds, now));
        var share = (double)reporting / fleet.Count;
        var detail = $"{reporting} of {fleet.Count} hosts reporting ({share:P0}).";
        return share >= 0.9 ? (ComponentStatus.Healthy, null, detail) : share >= 0.5 ? (ComponentStatus.Degraded, null, detail) : (ComponentStatus.Unhealthy, null, detail);
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length > 300 ? line[..300] : line;
    }
}
