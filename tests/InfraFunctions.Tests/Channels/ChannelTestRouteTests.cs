using System.Net;
using System.Text.Json;
using InfraFunctions.Testing;

namespace InfraFunctions.Tests.Channels;

/// <summary>The test route reports what the receiver answered, and alerts raised at ingest reach the default channels.</summary>
public sealed class ChannelTestRouteTests(ChannelsApiFixture fixture) : IClassFixture<ChannelsApiFixture>
{
    private const string Route = "api/v1/observability/channels";

    private async Task<(JsonElement Reply, HttpStatusCode Status)> TestAsync(string id)
    {
        using var response = await fixture.Operator.PostAsync($"{Route}/{id}/test", null);
        return (await response.JsonAsync(), response.StatusCode);
    }

    [Fact]
    public async Task ATestToAReceiverThatAcceptsReportsItsStatusAndReplyAndTheReceiverGetsATestEvent()
    {
        var id = (await fixture.CreateAsync($$"""{"name": "Hook", "kind": "webhook", "url": "{{fixture.Accepting.Url("test-accepts")}}"}""")).GetProperty("id").GetString()!;

        var (reply, status) = await TestAsync(id);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("success", true, 202), (reply.GetProperty("status").GetString(), reply.GetProperty("delivered").GetBoolean(), reply.GetProperty("receiver_status").GetInt32()));
        Assert.Equal(ChannelsApiFixture.AcceptedReply, reply.GetProperty("receiver_reply").GetString());
        Assert.True(reply.GetProperty("duration_ms").GetInt64() >= 0);
        Assert.Equal(JsonValueKind.Null, reply.GetProperty("error").ValueKind);
        var hook = fixture.Accepting.Received.Single(h => h.Path == "test-accepts");
        Assert.Equal("test", hook.Body.GetProperty("kind").GetString());
        Assert.Contains("on-call", hook.Body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATestToAReceiverThatRefusesIsDeliveredFalseWithItsStatusAndReplyAndIsNotRetried()
    {
        var id = (await fixture.CreateAsync($$"""{"name": "Revoked", "kind": "discord", "url": "{{fixture.Refusing.Url("api/webhooks/1/revoked")}}"}""")).GetProperty("id").GetString()!;

        var (reply, status) = await TestAsync(id);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(reply.GetProperty("delivered").GetBoolean());
        Assert.Equal(401, reply.GetProperty("receiver_status").GetInt32());
        Assert.Equal(ChannelsApiFixture.RefusedReply, reply.GetProperty("receiver_reply").GetString());
        Assert.Contains("401", reply.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Single(fixture.Refusing.Received, h => h.Path == "api/webhooks/1/revoked");
    }

    [Fact]
    public async Task ATestToAClosedPortIsDeliveredFalseWithTheErrorNeverA500()
    {
        var id = (await fixture.CreateAsync($$"""{"name": "Down", "kind": "ntfy", "url": "http://127.0.0.1:{{AzuriteServer.FreePort()}}/alerts", "api_key": "tk_downtoken0000000000"}""")).GetProperty("id").GetString()!;

        var (reply, status) = await TestAsync(id);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(reply.GetProperty("delivered").GetBoolean());
        Assert.Equal(JsonValueKind.Null, reply.GetProperty("receiver_status").ValueKind);
        Assert.Contains("could not be reached", reply.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("tk_downtoken", reply.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APagerDutyTestTriggersAndThenResolvesTheSameTestDedupKey()
    {
        var id = (await fixture.CreateAsync($$"""{"name": "PD", "kind": "pagerduty", "url": "{{fixture.Accepting.Url("pd/v2/enqueue")}}", "routing_key": "R0UTINGKEYtest0123456789abcdef00"}""")).GetProperty("id").GetString()!;

        var (reply, _) = await TestAsync(id);
        var hooks = fixture.Accepting.Received.Where(h => h.Path == "pd/v2/enqueue").ToArray();

        Assert.True(reply.GetProperty("delivered").GetBoolean());
        Assert.Equal(["trigger", "resolve"], hooks.Select(h => h.Body.GetProperty("event_action").GetString()));
        Assert.Equal(hooks[0].Body.GetProperty("dedup_key").GetString(), hooks[1].Body.GetProperty("dedup_key").GetString());
        Assert.StartsWith($"test-{id}-", hooks[0].Body.GetProperty("dedup_key").GetString(), StringComparison.Ordinal);
        Assert.Equal("info", hooks[0].Body.GetProperty("payload").GetProperty("severity").GetString());
    }

    [Fact]
    public async Task AConfiguredChannelCanBeTested()
    {
        var (reply, _) = await TestAsync("config-webhook-1");

        Assert.True(reply.GetProperty("delivered").GetBoolean());
        Assert.Contains(fixture.Accepting.Received, h => h.Path == "configured-generic" && h.Body.GetProperty("kind").GetString() == "test");
    }

    [Fact]
    public async Task AnAlertRaisedAtIngestReachesTheConfiguredAndTheDefaultRunTimeChannelsButNotTheOthers()
    {
        await fixture.CreateAsync($$"""{"name": "On call", "kind": "webhook", "url": "{{fixture.Accepting.Url("rt-default")}}", "default": true}""");
        await fixture.CreateAsync($$"""{"name": "Team", "kind": "webhook", "url": "{{fixture.Accepting.Url("rt-other")}}"}""");
        var host = Http.NewHostId("chan");
        var (_, key) = await fixture.Server.CreateAgentAsync(host);
        using var agent = fixture.Server.ClientWithBearer(key);

        var batch = Samples.Batch(host, Samples.Times(DateTimeOffset.UtcNow.AddSeconds(-1), 2, TimeSpan.FromSeconds(5)), (s, _) => s["cpu"]!["percent"] = 97);
        (await agent.PostAsync("api/v1/ingest/samples", Samples.Gzip(batch))).EnsureSuccessStatusCode();
        // Warning and critical, each to the configured generic and Slack channels and the default run-time one.
        await WaitForAsync(() => Of(host).Count(h => h.Path == "rt-default") >= 2 && Of(host).Count(h => h.Path == "configured-generic") >= 2 && Of(host).Count(h => h.Path.StartsWith("services/", StringComparison.Ordinal)) >= 2);

        Assert.Equal(2, Of(host).Count(h => h.Path == "rt-default"));
        Assert.Equal(2, Of(host).Count(h => h.Path.StartsWith("services/", StringComparison.Ordinal)));
        Assert.DoesNotContain(Of(host), h => h.Path == "rt-other");
    }

    private ReceivedHook[] Of(string host) => fixture.Accepting.Received.Where(h => h.Text.Contains(host, StringComparison.Ordinal)).ToArray();

    private static async Task WaitForAsync(Func<bool> condition)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition() && !deadline.IsCancellationRequested)
        {
            await Task.Delay(50, CancellationToken.None);
        }
    }
}
