using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using InfraFunctions.Core.Storage;
using InfraFunctions.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using NCrontab;

namespace InfraFunctions.Benchmarks.Fleet;

/// <summary>Azurite behind a counting proxy, a loopback Application Insights ingestion endpoint, and LocalHost with the real worker.</summary>
public sealed class FleetRun : IAsyncDisposable
{
    private const int CalibrationPosts = 200;

    // The deployment's timer schedules (infra/main.bicep), by function name.
    private static readonly (string Function, string Setting, string Schedule)[] TimerSchedules =
    [
        ("DetectStaleHosts", "STALE_HOSTS_SCHEDULE", "0 * * * * *"),
        ("RedeliverWebhooks", "WEBHOOK_REDELIVERY_SCHEDULE", "30 */5 * * * *"),
        ("NotifyAlerts", "ALERT_NOTIFY_SCHEDULE", "15 * * * * *"),
        ("AggregateHourly", "AGGREGATION_HOURLY_SCHEDULE", "0 5 * * * *"),
        ("ForecastDisks", "DISK_FORECAST_SCHEDULE", "0 20 * * * *"),
        ("AggregateDaily", "AGGREGATION_DAILY_SCHEDULE", "0 15 0 * * *"),
        ("RetentionCleanup", "RETENTION_SCHEDULE", "0 30 2 * * *"),
    ];

    private readonly FleetOptions _options;
    private readonly AzuriteServer _azurite;
    private readonly CountingTableProxy _proxy;
    private readonly TelemetryTap _telemetry;
    private readonly LocalHostServer _server;
    private readonly string _baseUrl;

    private FleetRun(FleetOptions options, AzuriteServer azurite, CountingTableProxy proxy, TelemetryTap telemetry, LocalHostServer server, string baseUrl) =>
        (_options, _azurite, _proxy, _telemetry, _server, _baseUrl) = (options, azurite, proxy, telemetry, server, baseUrl);

    public static async Task<FleetRun> StartAsync(FleetOptions options)
    {
        var azurite = await AzuriteServer.StartAsync(inMemory: true);
        var proxy = await CountingTableProxy.StartAsync(azurite.Port);
        var telemetry = await TelemetryTap.StartAsync();
        var port = AzuriteServer.FreePort();
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["LocalHost:Urls"] = $"http://127.0.0.1:{port}",
            ["AzureSignalRConnectionString"] = $"Endpoint=http://127.0.0.1;Port={port};AccessKey={key};Version=1.0;",
            // Timers run only when the harness asks, so their counts are their own.
            ["STALE_HOSTS_SCHEDULE"] = "0 0 0 1 1 *",
            ["WEBHOOK_REDELIVERY_SCHEDULE"] = "0 0 0 1 1 *",
            ["ALERT_NOTIFY_SCHEDULE"] = "0 0 0 1 1 *",
            ["AGGREGATION_HOURLY_SCHEDULE"] = "0 0 0 1 1 *",
            ["AGGREGATION_DAILY_SCHEDULE"] = "0 0 0 1 1 *",
            ["DISK_FORECAST_SCHEDULE"] = "0 0 0 1 1 *",
            ["RETENTION_SCHEDULE"] = "0 0 0 1 1 *",
        };
        foreach (var (name, value) in telemetry.AppSettings)
        {
            settings[name] = value;
        }

        if (options.AppDirectory is { } app)
        {
            settings["LocalHost:FunctionAppDirectory"] = app;
        }

        foreach (var (name, value) in options.Settings)
        {
            settings[name] = value;
        }

        var server = await LocalHostServer.StartAsync(proxy.ConnectionString, settings);
        return new FleetRun(options, azurite, proxy, telemetry, server, $"http://127.0.0.1:{port}");
    }

    public async Task<FleetMeasurements> MeasureAsync()
    {
        var clock = Stopwatch.StartNew();
        var agents = await FleetAgents.EnrollAsync(_server, _options.Hosts, _options.Concurrency);
        Console.WriteLine($"  enrolled {_options.Hosts} agents in {clock.Elapsed.TotalSeconds:F1} s");
        var span = TimeSpan.FromMinutes(_options.SimulatedMinutes);
        var windowStart = DateTimeOffset.UtcNow - span - TimeSpan.FromMinutes(2);

        // Calibration: single posts one at a time, after 20 warm-up posts, well before the fleet window.
        var random = new Random(7);
        var durations = new List<double>(CalibrationPosts);
        var interval = 0;
        for (var i = -20; i < CalibrationPosts; i++)
        {
            var result = await agents.PostAsync((i + 20) % agents.Agents.Count, windowStart - TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(i + 20), 12, random);
            if (!result.Ok)
            {
                throw new InvalidOperationException($"Calibration post answered {result.Status}.");
            }

            interval = result.NextPostSeconds;
            if (i >= 0)
            {
                durations.Add(result.Seconds);
            }
        }

        durations.Sort();
        Console.WriteLine($"  calibration: {CalibrationPosts} single posts, median {durations[durations.Count / 2] * 1000:F1} ms, p95 {durations[(int)(durations.Count * 0.95)] * 1000:F1} ms; server's post interval {interval} s");

        // The idle fleet: nobody watches. Counters start here.
        await _telemetry.SettleAsync();
        _proxy.Reset();
        _telemetry.Reset();
        clock.Restart();
        var (posts, accepted, failed, lastInterval) = await agents.RunAsync(windowStart, span, interval, _options.Concurrency, seed: 11);
        var fleetSeconds = clock.Elapsed.TotalSeconds;
        var transactions = _proxy.TotalRequests;
        var byKind = _proxy.Requests;
        var batchOps = _proxy.BatchOperations;
        await _telemetry.SettleAsync();
        var ingestTelemetry = _telemetry.Counts(posts);
        var (metricItems, metricBytes) = _telemetry.MetricsPerExport();
        Console.WriteLine($"  idle fleet: {posts:N0} posts ({failed} failed), {accepted:N0} samples in {fleetSeconds:F1} s ({posts / fleetSeconds:F0} posts/s, {accepted / fleetSeconds:F0} samples/s); {transactions:N0} table requests");

        var (sampleBytes, previousBytes, hostRowBytes) = await StoredSizes.SamplesAsync(_azurite.ConnectionString, agents);
        var timers = await MeasureTimersAsync();
        var rollupBytes = await StoredSizes.RollupRowAsync(_azurite.ConnectionString);
        var live = await LiveMessages.MeasureAsync(_server, _baseUrl, agents, windowStart + span, lastInterval, _options.Concurrency);

        return new FleetMeasurements
        {
            Hosts = _options.Hosts,
            PostIntervalSeconds = lastInterval,
            Posts = posts,
            SamplesAccepted = accepted,
            TransactionsPerPost = (double)transactions / posts,
            BatchOperationsPerPost = (double)batchOps / posts,
            TransactionsByKind = byKind,
            PostSeconds = durations,
            SampleBytes = sampleBytes,
            PreviousSampleBytes = previousBytes,
            HostRowBytes = hostRowBytes,
            RollupRowBytes = rollupBytes,
            IngestTelemetry = ingestTelemetry,
            MetricItemsPerExport = metricItems,
            MetricBytesPerExport = metricBytes,
            Timers = timers,
            WatchedHostMessagesPerHour = live.WatchedPerHour,
            WatchedHostMessageUnits = live.WatchedUnits,
            FleetViewMessagesPerHostHour = live.FleetPerHostHour,
            FleetViewMessageUnits = live.FleetUnits,
        };
    }


    private async Task<IReadOnlyList<TimerMeasurement>> MeasureTimersAsync()
    {
        var list = new List<TimerMeasurement>();
        var monthStart = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        foreach (var (function, _, schedule) in TimerSchedules)
        {
            var runs = CrontabSchedule.Parse(schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true })
                .GetNextOccurrences(monthStart, monthStart.AddDays(30)).Count();
            await _telemetry.SettleAsync();
            _proxy.Reset();
            _telemetry.Reset();
            var started = Stopwatch.GetTimestamp();
            using var request = LocalHostServer.Admin(HttpMethod.Post, $"admin/functions/{function}", new { });
            using var response = await _server.Client.SendAsync(request);
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{function} answered {(int)response.StatusCode}: {body}");
            }

            var buckets = body.Length > 0 && body.TrimStart().StartsWith('{') ? FleetAgents.ReadInt(JsonDocument.Parse(body).RootElement, "rows_written") : 0;
            var tx = _proxy.TotalRequests;
            await _telemetry.SettleAsync();
            list.Add(new TimerMeasurement(function, schedule, runs, seconds, tx, _telemetry.TotalBytes, buckets));
        }

        return list;
    }


    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        await _telemetry.DisposeAsync();
        await _proxy.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}
