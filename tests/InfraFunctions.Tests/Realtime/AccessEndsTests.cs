using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using InfraFunctions.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace InfraFunctions.Tests.Realtime;

// Live access belongs to a caller: it ends when the caller's token is revoked, and nobody else can steer it.
public sealed class AccessEndsTests(RealtimeFixture fixture) : IClassFixture<RealtimeFixture>
{
    private static Task<HttpResponseMessage> PostAsync(HttpClient agent, string hostId, double cpu) =>
        agent.PostAsync("api/v1/ingest/samples", Samples.Gzip(Samples.Batch(hostId, [DateTimeOffset.UtcNow], (s, _) => s["cpu"]!["percent"] = cpu)));

    private static Func<string, System.Text.Json.JsonElement, bool> HostMessage(string host, double cpu) =>
        (t, m) => t == "metrics.updated" && m.GetProperty("scope").GetString() == "host" && m.GetProperty("host_id").GetString() == host
            && Samples.Number(m, "sample", "cpu", "percent") == cpu;

    private async Task<(string TokenId, string Secret)> NewReaderAsync(string name)
    {
        using var response = await fixture.Server.Client.SendAsync(LocalHostServer.Admin(HttpMethod.Post, "api/v1/admin/tokens", new { role = "reader", name }));
        var body = await response.JsonAsync();
        return (body.GetProperty("token_id").GetString()!, body.GetProperty("token").GetString()!);
    }

    [Fact]
    public async Task RevokingAReadersTokenClosesItsConnectionWithinTenSecondsAndItsNegotiateIsRefused()
    {
        var (host, agent) = await fixture.ReportingHostAsync();
        var (tokenId, secret) = await NewReaderAsync("revoked-live");
        using var revokedReader = fixture.Server.ClientWithBearer(secret);
        await using var revoked = await fixture.Realtime.ConnectAsync(secret);
        await using var witness = await fixture.Realtime.ConnectAsync(fixture.ReaderToken);
        var (revokedInbox, witnessInbox) = (new Inbox(revoked), new Inbox(witness));
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        revoked.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        (await fixture.Realtime.StartStreamAsync(revokedReader, revoked.ConnectionId!, host)).EnsureSuccessStatusCode();
        (await fixture.Realtime.StartStreamAsync(fixture.Reader, witness.ConnectionId!, host)).EnsureSuccessStatusCode();
        (await PostAsync(agent, host, 41)).EnsureSuccessStatusCode();
        await revokedInbox.WaitForAsync(HostMessage(host, 41));

        var watch = Stopwatch.StartNew();
        using (var revoke = await fixture.Server.Client.SendAsync(LocalHostServer.Admin(HttpMethod.Delete, $"api/v1/admin/tokens/{tokenId}")))
        {
            Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        }

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"The connection closed {watch.Elapsed.TotalSeconds:F1} s after the revocation.");
        Assert.Equal(HubConnectionState.Disconnected, revoked.State);
        var before = revokedInbox.Received.Count;

        // The witness still watches the host: once the next post reaches it, it would have reached the revoked one too.
        (await PostAsync(agent, host, 42)).EnsureSuccessStatusCode();
        await witnessInbox.WaitForAsync(HostMessage(host, 42));
        Assert.Equal(before, revokedInbox.Received.Count);

        using var negotiate = await revokedReader.PostAsync("api/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);
        var reconnect = await Assert.ThrowsAsync<HttpRequestException>(() => fixture.Realtime.ConnectAsync(secret));
        Assert.Equal(HttpStatusCode.Unauthorized, reconnect.StatusCode);
    }

    [Fact]
    public async Task AnotherReaderCannotStartOrStopAReadersStreamAndTheStreamGoesOn()
    {
        var (host, agent) = await fixture.ReportingHostAsync();
        var (other, otherAgent) = await fixture.ReportingHostAsync();
        var (_, intruderSecret) = await NewReaderAsync("intruder");
        using var intruder = fixture.Server.ClientWithBearer(intruderSecret);
        await using var victim = await fixture.Realtime.ConnectAsync(fixture.ReaderToken);
        var inbox = new Inbox(victim);
        (await fixture.Realtime.StartStreamAsync(fixture.Reader, victim.ConnectionId!, host)).EnsureSuccessStatusCode();

        using (var start = await fixture.Realtime.StartStreamAsync(intruder, victim.ConnectionId!, other))
        {
            Assert.Equal(HttpStatusCode.Forbidden, start.StatusCode);
            Assert.Equal("application/problem+json", start.Content.Headers.ContentType!.MediaType);
            Assert.Contains("another access token", (await start.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using (var stop = await fixture.Realtime.StopStreamAsync(intruder, victim.ConnectionId!))
        {
            Assert.Equal(HttpStatusCode.Forbidden, stop.StatusCode);
        }

        // Still watched by its owner (the agent is told 2 s), and still in its host's group, not in the other's.
        using var post = await PostAsync(agent, host, 51);
        Assert.Equal(2, (await post.JsonAsync()).GetProperty("next_post_seconds").GetInt32());
        await inbox.WaitForAsync(HostMessage(host, 51));
        (await PostAsync(otherAgent, other, 52)).EnsureSuccessStatusCode();
        await inbox.WaitForAsync((t, m) => t == "metrics.updated" && m.GetProperty("scope").GetString() == "fleet" && m.GetProperty("host_id").GetString() == other);
        Assert.Empty(inbox.HostMessages(other));
    }

    [Fact]
    public async Task AClosedConnectionsLeaseCanBeStoppedOnlyByTheReaderWhoStartedIt()
    {
        var (host, _) = await fixture.ReportingHostAsync();
        var (_, intruderSecret) = await NewReaderAsync("late-intruder");
        using var intruder = fixture.Server.ClientWithBearer(intruderSecret);
        string connectionId;
        await using (var connection = await fixture.Realtime.ConnectAsync(fixture.ReaderToken))
        {
            connectionId = connection.ConnectionId!;
            (await fixture.Realtime.StartStreamAsync(fixture.Reader, connectionId, host)).EnsureSuccessStatusCode();
        }

        using (var stop = await fixture.Realtime.StopStreamAsync(intruder, connectionId))
        {
            Assert.Equal(HttpStatusCode.Forbidden, stop.StatusCode);
        }

        using var own = await fixture.Realtime.StopStreamAsync(fixture.Reader, connectionId);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(host, (await own.JsonAsync()).GetProperty("hosts")[0].GetString());
    }
}
