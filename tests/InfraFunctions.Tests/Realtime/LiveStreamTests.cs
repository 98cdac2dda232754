using System.Net;
using InfraFunctions.Testing;

namespace InfraFunctions.Tests.Realtime;

public sealed class LiveStreamTests(RealtimeFixture fixture) : IClassFixture<RealtimeFixture>
{
    private static Task<HttpResponseMessage> PostAsync(HttpClient agent, string hostId, double cpu) =>
        agent.PostAsync("api/v1/ingest/samples", Samples.Gzip(Samples.Batch(hostId, [DateTimeOffset.UtcNow], (s, _) => s["cpu"]!["percent"] = cpu)));

    [Fact]
    public async Task ClientNegotiatesThroughApiStartsAStreamAndReceivesThePostedValues()
    {
        var (host, agent) = await fixture.ReportingHostAsync();
        await using var connection = await fixture.Realtime.ConnectAsync(fixture.ReaderToken);
        var inbox = new Inbox(connection);

        using var started = await fixture.Realtime.StartStreamAsync(fixture.Reader, connection.ConnectionId!, host);
        var body = await started.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        Assert.Equal("streaming", body.GetProperty("status").GetString());
        Assert.Equal(2, body.GetProperty("interval_seconds").GetInt32());
        var expires = body.GetProperty("lease_expires_at").GetDateTimeOffset();
        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(125));

        using var post = await PostAsync(agent, host, 63.25);
        Assert.Equal(2, (await post.JsonAsync()).GetProperty("next_post_seconds").GetInt32());

        var message = await inbox.WaitForAsync((t, m) => t == "metrics.updated" && m.GetProperty("scope").GetString() == "host");
        Assert.Equal(host, message.GetProperty("host_id").GetString());
        Assert.Equal(63.25, Samples.Number(message, "sample", "cpu", "percent"));
        Assert.Equal(23.43, Samples.Number(message, "sample", "memory", "total_gb"));
        Assert.Equal("healthy", message.GetProperty("threshold_check").GetProperty("status").GetString());
        Assert.True(message.GetProperty("health_score").GetDouble() > 0);
        Assert.EndsWith("Z", message.GetProperty("timestamp").GetString(), StringComparison.Ordinal);

        var fleet = await inbox.WaitForAsync((t, m) => t == "metrics.updated" && m.GetProperty("scope").GetString() == "fleet");
        Assert.Equal(host, fleet.GetProperty("host_id").GetString());
        Assert.Equal(63.25, Samples.Number(fleet, "cpu_percent"));
    }

    [Fact]
    public async Task ConnectionsThatDidNotStartOrWatchAnotherHostReceiveNothingForTheHost()
    {
        var (host, agent) = await fixture.ReportingHostAsync();
        var (other, _) = await fixture.ReportingHostAsync();
        await using var watcher = await fixture.Realtime.ConnectAsync(fixture.ReaderToken);
        await using var idle = await fixture.Realtime.ConnectAsync(fixture.ReaderToken);
        await using var elsewhere = await fixture.Realtime.ConnectAsync(fixture.ReaderToken);
        var (watcherInbox, idleInbox, elsewhereInbox) = (new Inbox(watcher), new Inbox(idle), new Inbox(elsewhere));
        (await fixture.Realtime.StartStreamAsync(fixture.Reader, watcher.ConnectionId!, host)).EnsureSuccessStatusCode();
        (await fixture.Realtime.StartStreamAsync(fixture.Reader, elsewhere.ConnectionId!, other)).EnsureSuccessStatusCode();

        (await PostAsync(agent, host, 12)).EnsureSuccessStatusCode();
        await watcherInbox.WaitForAsync((t, m) => t == "metrics.updated" && m.GetProperty("scope").GetString() == "host");
        // The fleet row reaches every streaming dashboard; it is the last message of the post, so once it is in, all is.
        await elsewhereInbox.WaitForAsync((t, m) => t == "metrics.updated" && m.GetProperty("scope").GetString() == "fleet" && m.GetProperty("host_id").GetString() == host);

        Assert.Empty(idleInbox.Received);
        Assert.Empty(elsewhereInbox.HostMessages(host));
    }

    [Fact]
    public async Task AfterStopNothingMoreArrives()
    {
        var (host, agent) = await fixture.ReportingHostAsync();
        await using var stopped = await fixture.Realtime.ConnectAsync(fixture.ReaderToken);
        await using var witness = await fixture.Realtime.ConnectAsync(fixture.ReaderToken);
        var (stoppedInbox, witnessInbox) = (new Inbox(stopped), new Inbox(witness));
        (await fixture.Realtime.StartStreamAsync(fixture.Reader, stopped.ConnectionId!, host)).EnsureSuccessStatusCode();
        (await fixture.Realtime.StartStreamAsync(fixture.Reader, witness.ConnectionId!, host)).EnsureSuccessStatusCode();
        (await PostAsync(agent, host, 10)).EnsureSuccessStatusCode();
        await stoppedInbox.WaitForAsync((t, m) => t == "metrics.updated" && m.GetProperty("scope").GetString() == "fleet");
        await witnessInbox.WaitForAsync((t, m) => t == "metrics.updated" && m.GetProperty("scope").GetString() == "fleet");

        using var stop = await fixture.Realtime.StopStreamAsync(fixture.Reader, stopped.ConnectionId!);
        Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        Assert.Equal(host, (await stop.JsonAsync()).GetProperty("hosts")[0].GetString());
        var before = stoppedInbox.Received.Count;

        (await PostAsync(agent, host, 20)).EnsureSuccessStatusCode();
        await witnessInbox.WaitForAsync((t, m) => t == "metrics.updated" && m.GetProperty("scope").GetString() == "fleet" && m.GetProperty("cpu_percent").GetDouble() == 20);
        await witnessInbox.WaitForAsync((t, m) => t == "metrics.updated" && m.GetProperty("scope").GetString() == "host" && Samples.Number(m, "sample", "cpu", "percent") == 20);

        Assert.Equal(before, stoppedInbox.Received.Count);
    }

    [Fact]
    public async Task StartingAgainRenewsTheLeaseAndMovesTheConnectionToTheNewHosts()
    {
        var (first, firstAgent) = await fixture.ReportingHostAsync();
        var (second, secondAgent) = await fixture.ReportingHostAsync();
        await using var connection = await fixture.Realtime.ConnectAsync(fixture.ReaderToken);
        var inbox = new Inbox(connection);
        // The second start is computed after the first one's reply, and the first wrote its rows to storage before replying.
        var lease1 = (await (await fixture.Realtime.StartStreamAsync(fixture.Reader, connection.ConnectionId!, first)).JsonAsync()).GetProperty("lease_expires_at").GetDateTimeOffset();
        var lease2 = (await (await fixture.Realtime.StartStreamAsync(fixture.Reader, connection.ConnectionId!, second)).JsonAsync()).GetProperty("lease_expires_at").GetDateTimeOffset();
        Assert.True(lease2 > lease1);

        // No wait: moving the connection forgets what this instance remembered about both hosts' watchers. How long
        // that memory lasts for a lease taken elsewhere is in InfraFunctions.Core.Tests (StreamLeasesTests).
        using var firstReply = await PostAsync(firstAgent, first, 1);
        Assert.Equal(60, (await firstReply.JsonAsync()).GetProperty("next_post_seconds").GetInt32());
        using var secondReply = await PostAsync(secondAgent, second, 2);
        Assert.Equal(2, (await secondReply.JsonAsync()).GetProperty("next_post_seconds").GetInt32());
        await inbox.WaitForAsync((t, m) => t == "metrics.updated" && m.GetProperty("scope").GetString() == "host" && m.GetProperty("host_id").GetString() == second);
        Assert.Empty(inbox.HostMessages(first));
    }

    [Fact]
    public async Task AlertEventsArePushedToTheHostGroupAndTheFleetGroup()
    {
        // The host first reports before the window of high CPU, so that window's samples all count.
        var now = DateTimeOffset.UtcNow;
        var host = Http.NewHostId("live");
        var (_, key) = await fixture.Server.CreateAgentAsync(host);
        using var agent = fixture.Server.ClientWithBearer(key);
        (await agent.PostAsync("api/v1/ingest/samples", Samples.Json(Samples.Batch(host, [now.AddSeconds(-90)])))).EnsureSuccessStatusCode();
        await using var hostWatcher = await fixture.Realtime.ConnectAsync(fixture.ReaderToken);
        await using var fleetWatcher = await fixture.Realtime.ConnectAsync(fixture.ReaderToken);
        var (hostInbox, fleetInbox) = (new Inbox(hostWatcher), new Inbox(fleetWatcher));
        (await fixture.Realtime.StartStreamAsync(fixture.Reader, hostWatcher.ConnectionId!, host)).EnsureSuccessStatusCode();
        (await fixture.Realtime.StartStreamAsync(fixture.Reader, fleetWatcher.ConnectionId!)).EnsureSuccessStatusCode();

        // CPU at 95.1 % for 75 s, past the critical threshold (90) for longer than the alert duration (60 s).
        var critical = Samples.Batch(host, Samples.Times(now, 16, TimeSpan.FromSeconds(5)), (s, _) => s["cpu"]!["percent"] = 95.1);
        (await agent.PostAsync("api/v1/ingest/samples", Samples.Gzip(critical))).EnsureSuccessStatusCode();

        foreach (var inbox in new[] { hostInbox, fleetInbox })
        {
            // The same samples raise the warning alert too; this is the critical one.
            var alert = await inbox.WaitForAsync((t, m) => t == "alert.updated" && m.GetProperty("host_id").GetString() == host && m.GetProperty("severity").GetString() == "critical");
            Assert.Equal("raised", alert.GetProperty("kind").GetString());
            Assert.Equal("CPU usage critical: 95.1%", alert.GetProperty("message").GetString());
            Assert.Equal(95.1, alert.GetProperty("value").GetDouble());
        }
    }
}
