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

        var (sampleBytes, previousBytes, hostRowBytes) = await StoredSizesAsync(agents);
        var timers = await MeasureTimersAsync();
        var rollupBytes = await RollupRowBytesAsync();
        var live = await MeasureLiveAsync(agents, windowStart + span, lastInterval);

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

    /// <summary>Mean stored bytes of the sample rows of the first hosts, now and in the earlier row shape, and of a hosts row.</summary>
    private async Task<(double Sample, double Previous, double HostRow)> StoredSizesAsync(FleetAgents agents)
    {
        var service = new TableServiceClient(_azurite.ConnectionString);
        long rows = 0, bytes = 0, previous = 0;
        await foreach (var table in service.QueryAsync(t => t.Name.CompareTo(TableKeys.SamplesTablePrefix) >= 0))
        {
            if (!table.Name.StartsWith(TableKeys.SamplesTablePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            await foreach (var entity in service.GetTableClient(table.Name).QueryAsync<TableEntity>(maxPerPage: 1000))
            {
                var host = TableKeys.DecodeHostId(entity.PartitionKey);
                var ticks = (entity.GetDateTimeOffset("ts") ?? TableKeys.FromTimeRowKey(entity.RowKey)).UtcTicks;
                if (!agents.PostedJson.TryGetValue((host, ticks), out var json))
                {
                    continue;
                }

                rows++;
                bytes += EntitySize.Stored(entity);
                previous += EntitySize.Stored(PreviousShape(entity, json));
            }
        }

        var hostsTable = service.GetTableClient(TableNames.Hosts);
        long hostBytes = 0, hosts = 0;
        await foreach (var entity in hostsTable.QueryAsync<TableEntity>(maxPerPage: 1000))
        {
            hostBytes += EntitySize.Stored(entity);
            hosts++;
        }

        return (bytes / (double)Math.Max(1, rows), previous / (double)Math.Max(1, rows), hostBytes / (double)Math.Max(1, hosts));
    }

    // Earlier releases kept the flat columns and the whole sample as a JSON string column.
    private static TableEntity PreviousShape(TableEntity stored, string postedJson)
    {
        var old = new TableEntity(stored.PartitionKey, stored.RowKey);
        foreach (var (name, value) in stored)
        {
            if (name is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag" || value is byte[] or BinaryData || name == "json")
            {
                continue;
            }

            old[name] = value;
        }

        old["json"] = postedJson;
        return old;
    }

    private async Task<double> RollupRowBytesAsync()
    {
        var service = new TableServiceClient(_azurite.ConnectionString);
        long rows = 0, bytes = 0;
        await foreach (var table in service.QueryAsync())
        {
            if (!table.Name.StartsWith("hourly", StringComparison.Ordinal) && !table.Name.StartsWith("daily", StringComparison.Ordinal))
            {
                continue;
            }

            await foreach (var entity in service.GetTableClient(table.Name).QueryAsync<TableEntity>(maxPerPage: 1000))
            {
                rows++;
                bytes += EntitySize.Stored(entity);
            }
        }

        return bytes / (double)Math.Max(1, rows);
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

    private async Task<(double WatchedPerHour, double WatchedUnits, double FleetPerHostHour, double FleetUnits)> MeasureLiveAsync(FleetAgents agents, DateTimeOffset from, int interval)
    {
        var token = await _server.CreateTokenAsync();
        using var reader = _server.ClientWithBearer(token);
        var watched = agents.Agents[0].Host;
        long watchedCount = 0, watchedBytes = 0, fleetCount = 0, fleetBytes = 0;
        await using var hostView = await ConnectAsync(token);
        await using var fleetView = await ConnectAsync(token);
        hostView.On<JsonElement>("metrics.updated", m =>
        {
            if (m.GetProperty("scope").GetString() == "host")
            {
                Interlocked.Increment(ref watchedCount);
                Interlocked.Add(ref watchedBytes, m.GetRawText().Length);
            }
        });
        fleetView.On<JsonElement>("metrics.updated", m =>
        {
            if (m.GetProperty("scope").GetString() != "host")
            {
                Interlocked.Increment(ref fleetCount);
                Interlocked.Add(ref fleetBytes, m.GetRawText().Length);
            }
        });
        (await reader.PostAsJsonAsync("api/v1/observability/start-metrics-stream", new { connection_id = hostView.ConnectionId, hosts = new[] { watched } })).EnsureSuccessStatusCode();
        (await reader.PostAsJsonAsync("api/v1/observability/start-metrics-stream", new { connection_id = fleetView.ConnectionId })).EnsureSuccessStatusCode();

        // One simulated interval of the whole fleet, and 60 s of the watched host at the interval it is told.
        var minute = TimeSpan.FromSeconds(interval);
        var random = new Random(3);
        var first = await agents.PostAsync(0, from + TimeSpan.FromSeconds(1), 12, random);
        var watchedInterval = Math.Max(1, first.NextPostSeconds);
        var posts = 0;
        for (var t = TimeSpan.FromSeconds(watchedInterval); t <= TimeSpan.FromSeconds(60); t += TimeSpan.FromSeconds(watchedInterval))
        {
            await agents.PostAsync(0, from + TimeSpan.FromSeconds(1) + t, Math.Max(1, watchedInterval / FleetBatches.SampleIntervalSeconds), random);
            posts++;
        }

        var watchedSeen = Interlocked.Read(ref watchedCount);
        var fleet = new FleetAgents(_server, agents.Agents.Skip(1).ToArray());
        var (fleetPosts, _, _, _) = await fleet.RunAsync(from + TimeSpan.FromMinutes(2), minute, interval, _options.Concurrency, seed: 5);
        var deadline = Stopwatch.StartNew();
        while (Interlocked.Read(ref fleetCount) < fleetPosts && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(100);
        }

        Console.WriteLine($"  live: watched host told {watchedInterval} s, {watchedSeen} host messages for {posts + 1} posts; fleet view {Interlocked.Read(ref fleetCount)} messages for {fleetPosts} posts");
        var watchedPerHour = watchedSeen * 3600.0 / 60;
        static double Units(long bytes, long count) => count == 0 ? 0 : Math.Ceiling(bytes / (double)count / 2048);
        return (watchedPerHour, Units(watchedBytes, watchedSeen), Interlocked.Read(ref fleetCount) / (double)fleetPosts * (3600.0 / interval), Units(fleetBytes, fleetCount));
    }

    private async Task<HubConnection> ConnectAsync(string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl($"{_baseUrl}/api", o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        await connection.StartAsync();
        return connection;
    }

    public static void PrintMeasurements(FleetMeasurements m, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("measured");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  post interval told to unwatched agents: {m.PostIntervalSeconds} s ({m.SamplesAccepted / (double)m.Posts:F1} samples a post)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  table transactions per post: {m.TransactionsPerPost:F2} ({string.Join(", ", m.TransactionsByKind.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value / (double)m.Posts:F2}"))}); entity operations in batches per post: {m.BatchOperationsPerPost:F2}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  execution busy time per post (single posts, round trip): mean {m.PostSeconds.Average() * 1000:F1} ms"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  stored bytes per sample: {m.SampleBytes:F0} (the earlier row shape: {m.PreviousSampleBytes:F0}); hosts row {m.HostRowBytes:F0}; rollup row {m.RollupRowBytes:F0}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  telemetry per post: {m.IngestTelemetry.ItemsPerPost:F3} items, {m.IngestTelemetry.BytesPerPost:F0} bytes ({string.Join(", ", m.IngestTelemetry.ByType.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value.Items} items/{k.Value.Bytes:N0} B"))})"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  metrics per export (per instance, every 60 s): {m.MetricItemsPerExport:F0} items, {m.MetricBytesPerExport:N0} bytes"));
        foreach (var t in m.Timers)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  timer {t.Name} ({t.Schedule}, {t.RunsPerMonth:N0} runs a month): {t.Seconds * 1000:F0} ms, {t.Transactions} transactions, {t.TelemetryBytes:N0} telemetry bytes at {m.Hosts} hosts"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  SignalR: one watched host {m.WatchedHostMessagesPerHour:N0} messages an hour ({m.WatchedHostMessageUnits} units each); the fleet view {m.FleetViewMessagesPerHostHour:N1} messages a host an hour ({m.FleetViewMessageUnits} units each)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  Free_F1 (20,000 messages a day) covers {20_000 / Math.Max(1, m.WatchedHostMessagesPerHour * m.WatchedHostMessageUnits):F1} hours a day of one watched host, or {20_000 / Math.Max(1, m.FleetViewMessagesPerHostHour * m.FleetViewMessageUnits * 1000):F2} hours a day of the fleet view at 1,000 hosts"));
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        await _telemetry.DisposeAsync();
        await _proxy.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}
