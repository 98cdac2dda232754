using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using InfraFunctions.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace InfraFunctions.Benchmarks.Fleet;

/// <summary>
/// SignalR messages as real .NET clients receive them: one connection watching one host, told the stream interval,
/// and one watching the fleet view while every other agent posts once.
/// </summary>
public static class LiveMessages
{
    public static async Task<(double WatchedPerHour, double WatchedUnits, double FleetPerHostHour, double FleetUnits)> MeasureAsync(LocalHostServer server, string baseUrl, FleetAgents agents, DateTimeOffset from, int interval, int concurrency)
    {
        var token = await server.CreateTokenAsync();
        using var reader = server.ClientWithBearer(token);
        var watched = agents.Agents[0].Host;
        long watchedCount = 0, watchedBytes = 0, fleetCount = 0, fleetBytes = 0;
        await using var hostView = await RealtimeLatency.ConnectAsync(baseUrl, token);
        await using var fleetView = await RealtimeLatency.ConnectAsync(baseUrl, token);
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
        await Task.Delay(500); // the watched host's own fleet rows arrive before the fleet's posts are counted
        var fleetBefore = Interlocked.Exchange(ref fleetCount, 0);
        Interlocked.Exchange(ref fleetBytes, 0);
        var fleet = new FleetAgents(server, agents.Agents.Skip(1).ToArray());
        var (fleetPosts, _, _, _) = await fleet.RunAsync(from + TimeSpan.FromMinutes(2), minute, interval, concurrency, seed: 5);
        var deadline = Stopwatch.StartNew();
        while (Interlocked.Read(ref fleetCount) < fleetPosts && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(100);
        }

        Console.WriteLine($"  live: watched host told {watchedInterval} s, {watchedSeen} host messages (and {fleetBefore} fleet rows) for {posts + 1} posts; fleet view {Interlocked.Read(ref fleetCount)} messages for {fleetPosts} posts of the others");
        var watchedPerHour = watchedSeen * 3600.0 / 60;
        static double Units(long bytes, long count) => count == 0 ? 0 : Math.Ceiling(bytes / (double)count / 2048);
        return (watchedPerHour, Units(watchedBytes, watchedSeen), Interlocked.Read(ref fleetCount) / (double)fleetPosts * (3600.0 / interval), Units(fleetBytes, fleetCount));
    }
}
