using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using InfraFunctions.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace InfraFunctions.Benchmarks;

/// <summary>
/// Live update latency through LocalHost's SignalR stand-in and Azurite: from the start of an ingest POST to the
/// arrival of its <c>metrics.updated</c> at a connected .NET client (p50/p95/p99 over N sequential posts), and the
/// time for one update to reach all of M clients watching one host.
/// </summary>
public static class RealtimeLatency
{
    public static async Task RunAsync(string[] args)
    {
        var posts = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        var fanOut = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
        await using var azurite = await AzuriteServer.StartAsync();
        var port = AzuriteServer.FreePort();
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var settings = new Dictionary<string, string?>
        {
            ["LocalHost:Urls"] = $"http://127.0.0.1:{port}",
            ["AzureSignalRConnectionString"] = $"Endpoint=http://127.0.0.1;Port={port};AccessKey={key};Version=1.0;",
        };
        await using var server = await LocalHostServer.StartAsync(azurite.ConnectionString, settings);
        var token = await server.CreateTokenAsync();
        using var reader = server.ClientWithBearer(token);
        var host = "bench-live";
        var (_, agentKey) = await server.CreateAgentAsync(host);
        using var agent = server.ClientWithBearer(agentKey);
        var baseUrl = $"http://127.0.0.1:{port}";
        await PostAsync(agent, host, DateTimeOffset.UtcNow.AddMinutes(-10)); // the host must have reported to be watched

        await using var watcher = await ConnectAsync(baseUrl, token);
        var waiters = new ConcurrentDictionary<string, TaskCompletionSource<long>>();
        watcher.On<JsonElement>("metrics.updated", m =>
        {
            var now = Stopwatch.GetTimestamp();
            if (m.GetProperty("scope").GetString() == "host" && waiters.TryGetValue(Normalise(m.GetProperty("timestamp").GetString()!), out var waiter))
            {
                waiter.TrySetResult(now);
            }
        });
        (await StartAsync(reader, watcher.ConnectionId!, host)).EnsureSuccessStatusCode();

        Console.WriteLine($"Latency: {posts} sequential posts, ingest POST start to metrics.updated arrival");
        var start = DateTimeOffset.UtcNow.AddMinutes(-5);
        var latencies = new List<double>(posts);
        var missed = 0;
        for (var i = -20; i < posts; i++) // 20 warm-up posts are not counted
        {
            var at = start.AddMilliseconds((i + 20) * 10);
            var stamp = Samples.Batch(host, [at])["samples"]![0]!["timestamp"]!.GetValue<string>();
            var waiter = waiters[Normalise(stamp)] = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            var sent = Stopwatch.GetTimestamp();
            await PostAsync(agent, host, at);
            long arrived = 0;
            if (await Task.WhenAny(waiter.Task, Task.Delay(2000)) == waiter.Task)
            {
                arrived = waiter.Task.Result;
            }

            if (i < 0)
            {
                continue;
            }

            if (arrived == 0)
            {
                missed++;
            }
            else
            {
                latencies.Add(Stopwatch.GetElapsedTime(sent, arrived).TotalMilliseconds);
            }
        }

        latencies.Sort();
        Console.WriteLine($"  p50 {Percentile(latencies, 50):F1} ms   p95 {Percentile(latencies, 95):F1} ms   p99 {Percentile(latencies, 99):F1} ms   max {latencies[^1]:F1} ms   missed {missed}   (goal p95 < 100 ms)");

        await FanOutAsync(baseUrl, token, reader, agent, host, fanOut);
    }

    private static async Task FanOutAsync(string baseUrl, string token, HttpClient reader, HttpClient agent, string host, int clients)
    {
        Console.WriteLine($"Fan-out: {clients} clients watching {host}, time until all receive one update (10 rounds)");
        var connections = new List<HubConnection>();
        var received = new ConcurrentDictionary<string, ConcurrentDictionary<int, long>>();
        for (var c = 0; c < clients; c++)
        {
            var connection = await ConnectAsync(baseUrl, token);
            var index = c;
            connection.On<JsonElement>("metrics.updated", m =>
            {
                if (m.GetProperty("scope").GetString() == "host")
                {
                    var now = Stopwatch.GetTimestamp();
                    received.GetOrAdd(Normalise(m.GetProperty("timestamp").GetString()!), _ => new())[index] = now;
                }
            });
            (await StartAsync(reader, connection.ConnectionId!, host)).EnsureSuccessStatusCode();
            connections.Add(connection);
        }

        var rounds = new List<(double First, double All)>();
        for (var round = 0; round < 10; round++)
        {
            var at = DateTimeOffset.UtcNow.AddSeconds(-1).AddMilliseconds(round);
            var stamp = Normalise(Samples.Batch(host, [at])["samples"]![0]!["timestamp"]!.GetValue<string>());
            var sent = Stopwatch.GetTimestamp();
            await PostAsync(agent, host, at);
            var wait = Stopwatch.StartNew();
            while ((!received.TryGetValue(stamp, out var got) || got.Count < clients) && wait.ElapsedMilliseconds < 5000)
            {
                await Task.Delay(1);
            }

            var times = received.TryGetValue(stamp, out var all) ? all.Values.ToList() : [];
            if (times.Count < clients)
            {
                Console.WriteLine($"  round {round}: only {times.Count} of {clients} received within 5 s");
                continue;
            }

            rounds.Add((Stopwatch.GetElapsedTime(sent, times.Min()).TotalMilliseconds, Stopwatch.GetElapsedTime(sent, times.Max()).TotalMilliseconds));
        }

        var allTimes = rounds.Select(r => r.All).Order().ToList();
        Console.WriteLine($"  all {clients} received: median {Percentile(allTimes, 50):F1} ms, worst {allTimes.LastOrDefault():F1} ms   (first arrival median {Percentile(rounds.Select(r => r.First).Order().ToList(), 50):F1} ms)");
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }
    }

    /// <summary>A .NET SignalR client of LocalHost's hub, signed in with a reader token.</summary>
    public static async Task<HubConnection> ConnectAsync(string baseUrl, string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl($"{baseUrl}/api", o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        await connection.StartAsync();
        return connection;
    }

    private static Task<HttpResponseMessage> StartAsync(HttpClient reader, string connectionId, string host) =>
        reader.PostAsJsonAsync("api/v1/observability/start-metrics-stream", new { connection_id = connectionId, hosts = new[] { host } });

    private static async Task PostAsync(HttpClient agent, string host, DateTimeOffset at)
    {
        using var response = await agent.PostAsync("api/v1/ingest/samples", Samples.Json(Samples.Batch(host, [at])));
        response.EnsureSuccessStatusCode();
    }

    // The server writes timestamps in its own format; compare instants, not strings.
    private static string Normalise(string timestamp) =>
        DateTimeOffset.Parse(timestamp, CultureInfo.InvariantCulture).UtcTicks.ToString(CultureInfo.InvariantCulture);

    private static double Percentile(List<double> sorted, int p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
