using System.Net.Http.Json;
using InfraFunctions.Testing;

namespace InfraFunctions.Tests.Realtime;

// Its own LocalHost: no other test's posts reach its fleet group while the lapsed connection's messages are counted.
public sealed class LeaseExpiryTests(TablesFixture tables) : IClassFixture<TablesFixture>
{
    private static Task<HttpResponseMessage> PostAsync(HttpClient agent, string hostId, double cpu) =>
        agent.PostAsync("api/v1/ingest/samples", Samples.Gzip(Samples.Batch(hostId, [DateTimeOffset.UtcNow], (s, _) => s["cpu"]!["percent"] = cpu)));

    [Fact]
    public async Task AConnectionWhoseLeaseEndedGetsNoFurtherMessagesForItsHostOrTheFleet()
    {
        await using var realtime = await RealtimeServer.StartAsync(tables.ConnectionString);
        var server = realtime.Server;
        var host = Http.NewHostId("expiry");
        var (_, key) = await server.CreateAgentAsync(host);
        using var agent = server.ClientWithBearer(key);
        var token = await server.CreateTokenAsync();
        using var reader = server.ClientWithBearer(token);
        (await PostAsync(agent, host, 1)).EnsureSuccessStatusCode();

        await using var lapsed = await realtime.ConnectAsync(token);
        await using var renewing = await realtime.ConnectAsync(token);
        var (lapsedInbox, renewingInbox) = (new Inbox(lapsed), new Inbox(renewing));
        (await realtime.StartStreamAsync(reader, lapsed.ConnectionId!, host)).EnsureSuccessStatusCode();
        (await PostAsync(agent, host, 2)).EnsureSuccessStatusCode();
        await lapsedInbox.WaitForAsync((t, m) => t == "metrics.updated" && m.GetProperty("scope").GetString() == "host" && Samples.Number(m, "sample", "cpu", "percent") == 2);
        // The fleet row is the post's last message: once it is in, nothing of this post is still on its way.
        await lapsedInbox.WaitForAsync((t, m) => t == "metrics.updated" && m.GetProperty("scope").GetString() == "fleet" && m.GetProperty("cpu_percent").GetDouble() == 2);

        // The lapsed connection's lease ends without a wait on the real clock; the other connection then takes a
        // fresh lease, so the host stays watched.
        await EndedLeases.EndAsync(tables.ConnectionString, lapsed.ConnectionId!, host);
        (await realtime.StartStreamAsync(reader, renewing.ConnectionId!, host)).EnsureSuccessStatusCode();
        var before = lapsedInbox.Received.Count;
        using var post = await PostAsync(agent, host, 3);
        Assert.Equal(2, (await post.JsonAsync()).GetProperty("next_post_seconds").GetInt32());
        await renewingInbox.WaitForAsync((t, m) => t == "metrics.updated" && m.GetProperty("scope").GetString() == "host" && Samples.Number(m, "sample", "cpu", "percent") == 3);
        await renewingInbox.WaitForAsync((t, m) => t == "metrics.updated" && m.GetProperty("scope").GetString() == "fleet" && m.GetProperty("cpu_percent").GetDouble() == 3);

        Assert.Equal(before, lapsedInbox.Received.Count);
    }
}
