using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using InfraFunctions.Core.Realtime;
using System.Text.Json;
using InfraFunctions.Testing;

namespace InfraFunctions.Tests.Realtime;

// Each test starts its own LocalHost: one with 30 s leases, one whose SignalR Service is unreachable, one without any.
public sealed class LeaseAndOutageTests(TablesFixture tables) : IClassFixture<TablesFixture>
{
    private readonly TablesFixture _tables = tables;

    [Fact]
    public async Task TheAgentIsToldTwoSecondsWhileTheLeaseLivesAndSixtyAfterItExpires()
    {
        await using var realtime = await RealtimeServer.StartAsync(_tables.ConnectionString, new Dictionary<string, string?> { ["SignalR:LeaseSeconds"] = "30" });
        var server = realtime.Server;
        var host = Http.NewHostId("lease");
        var (_, key) = await server.CreateAgentAsync(host);
        using var agent = server.ClientWithBearer(key);
        var token = await server.CreateTokenAsync();
        using var reader = server.ClientWithBearer(token);
        Assert.Equal(60, await NextPostAsync(agent, host));

        await using var connection = await realtime.ConnectAsync(token);
        var before = DateTimeOffset.UtcNow;
        using var started = await realtime.StartStreamAsync(reader, connection.ConnectionId!, host);
        started.EnsureSuccessStatusCode();
        var expiresAt = (await started.JsonAsync()).GetProperty("lease_expires_at").GetDateTimeOffset();
        Assert.InRange(expiresAt, before.AddSeconds(30), DateTimeOffset.UtcNow.AddSeconds(30)); // SignalR__LeaseSeconds
        Assert.Equal(2, await NextPostAsync(agent, host));

        // The lease as it reads once the dashboard stopped renewing it. This instance may still remember the live
        // lease for up to a second ("is anyone watching" is read once a second), so the agent's posts wait for it.
        await EndedLeases.EndAsync(_tables.ConnectionString, connection.ConnectionId!, host);
        var deadline = Stopwatch.StartNew();
        int next;
        while ((next = await NextPostAsync(agent, host)) == 2 && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(100);
        }

        Assert.Equal(60, next);
    }

    [Fact]
    public async Task WithSignalRDownIngestStillAnswers200QuicklyAndStoresEverything()
    {
        // The connection string names a port where nothing listens: every REST call fails to connect.
        await using var realtime = await RealtimeServer.StartAsync(_tables.ConnectionString, signalRPort: AzuriteServer.FreePort());
        var server = realtime.Server;
        var host = Http.NewHostId("down");
        var (_, key) = await server.CreateAgentAsync(host);
        using var agent = server.ClientWithBearer(key);
        using var reader = server.ClientWithBearer(await server.CreateTokenAsync());
        // A watcher's lease, written to the streams table the app reads, as a start-metrics-stream would have written it.
        await using (var core = CoreHarness.Create(_tables.ConnectionString, DateTimeOffset.UtcNow))
        {
            await core.Get<StreamLeases>().StartAsync("watcher-of-a-dead-service", [host]);
        }

        var now = DateTimeOffset.UtcNow;
        var slowest = TimeSpan.Zero;
        // The first post warms the server up (JIT, table creation) and is not timed.
        for (var i = 0; i < 10; i++)
        {
            var batch = Samples.Batch(host, Samples.Times(now.AddSeconds(-60 + (i * 5)), 1, TimeSpan.FromSeconds(1)));
            var watch = Stopwatch.StartNew();
            using var response = await agent.PostAsync("api/v1/ingest/samples", Samples.Gzip(batch));
            slowest = i > 0 && watch.Elapsed > slowest ? watch.Elapsed : slowest;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var reply = await response.JsonAsync();
            Assert.Equal(1, reply.GetProperty("accepted").GetInt32());
            Assert.Equal(2, reply.GetProperty("next_post_seconds").GetInt32());
        }

        Assert.True(slowest < TimeSpan.FromSeconds(2), $"An ingest took {slowest.TotalMilliseconds:F0} ms while SignalR was down.");
        var summary = await (await reader.GetAsync(Http.Query("api/v1/observability/infrastructure/summary", host) + "&window=5m")).JsonAsync();
        Assert.Equal(10, summary.GetProperty("sample_count").GetInt32());

        var counters = await RealtimeCountersAsync(reader);
        var waited = Stopwatch.StartNew();
        while (counters.Failed == 0 && waited.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(100);
            counters = await RealtimeCountersAsync(reader);
        }

        Assert.True(counters.Failed > 0, "Failed sends must be counted.");
        Assert.Equal(0, counters.Published);
        Assert.NotNull(counters.LastError);

        using var stream = await reader.PostAsJsonAsync("api/v1/observability/start-metrics-stream", new { connection_id = "abc", hosts = new[] { host } });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, stream.StatusCode);
        Assert.Equal("application/problem+json", stream.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task WithoutTheSettingNegotiateAnswers503NamingItAndIngestIsUnaffected()
    {
        await using var server = await LocalHostServer.StartAsync(_tables.ConnectionString);
        using var reader = server.ClientWithBearer(await server.CreateTokenAsync());
        using var response = await reader.PostAsync("api/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("AzureSignalRConnectionString", (await response.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var client = new HttpClient();
        using var standIn = await client.PostAsync(new Uri(server.BaseAddress, "client/negotiate?hub=observability"), null);
        Assert.Equal(HttpStatusCode.NotFound, standIn.StatusCode);

        var host = Http.NewHostId("plain");
        var (_, key) = await server.CreateAgentAsync(host);
        using var agent = server.ClientWithBearer(key);
        Assert.Equal(60, await NextPostAsync(agent, host));
    }

    /// <summary>Live publishing's counters and the SignalR client's last error, as component health reports them.</summary>
    private static async Task<(long Published, long Failed, string? LastError)> RealtimeCountersAsync(HttpClient reader)
    {
        using var response = await reader.GetAsync("api/v1/observability/health/components");
        response.EnsureSuccessStatusCode();
        var body = await response.JsonAsync();
        var counters = body.GetProperty("counters");
        var signalR = body.GetProperty("clients").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "signalr");
        var lastError = signalR.TryGetProperty("last_error", out var error) && error.ValueKind == JsonValueKind.String ? error.GetString() : null;
        return (counters.GetProperty("realtime_published").GetInt64(), counters.GetProperty("realtime_failed").GetInt64(), lastError);
    }

    private static async Task<int> NextPostAsync(HttpClient agent, string host)
    {
        using var response = await agent.PostAsync("api/v1/ingest/samples", Samples.Json(Samples.Batch(host, [DateTimeOffset.UtcNow])));
        response.EnsureSuccessStatusCode();
        return (await response.JsonAsync()).GetProperty("next_post_seconds").GetInt32();
    }
}
