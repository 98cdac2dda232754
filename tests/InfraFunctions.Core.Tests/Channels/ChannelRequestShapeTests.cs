using System.Text.Json;
using InfraFunctions.Core.Alerts;
using InfraFunctions.Core.Channels;
using InfraFunctions.Testing;

namespace InfraFunctions.Core.Tests.Channels;

/// <summary>Each kind's raise and resolve, as its receiver gets them, against the service's documented request shape.</summary>
public sealed class ChannelRequestShapeTests : IAsyncLifetime
{
    // Tables of its own: a redelivery sweep takes every expired row of the account whose channel it knows.
    private readonly TablesFixture _tables = TablesFixture.Isolated();

    public Task InitializeAsync() => _tables.InitializeAsync();

    public Task DisposeAsync() => _tables.DisposeAsync();

    private async Task<(ReceivedHook Raised, ReceivedHook Resolved, string AlertId)> RaiseAndResolveAsync(ChannelFixture f, ChannelRecord channel)
    {
        var alertId = ChannelFixture.NewAlertId();
        await f.Notifier.SendAsync(ChannelFixture.Event(AlertKinds.Raised, alertId, channel.Id));
        var raised = (await f.Receiver.WaitForAsync(1, TimeSpan.FromSeconds(10))).Single();
        await f.Notifier.SendAsync(ChannelFixture.Event(AlertKinds.Resolved, alertId, channel.Id));
        var hooks = await f.Receiver.WaitForAsync(2, TimeSpan.FromSeconds(10));
        Assert.Equal(2, hooks.Count);
        return (raised, hooks[1], alertId);
    }

    private static string[] Names(JsonElement e) => e.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public async Task PagerDutyGetsAnEventsApiV2TriggerWithThePayloadAndAResolveWithOnlyTheKeysUnderTheSameDedupKey()
    {
        await using var f = await ChannelFixture.StartAsync(_tables.ConnectionString);
        var channel = await f.AddAsync(ChannelKinds.PagerDuty, f.Receiver.Url("v2/enqueue").ToString(), routingKey: "R0UTINGKEY0123456789abcdefabcdef");

        var (raised, resolved, alertId) = await RaiseAndResolveAsync(f, channel);

        Assert.Equal(("POST", "v2/enqueue"), (raised.Method, raised.Path));
        Assert.StartsWith("application/json", raised.ContentType, StringComparison.Ordinal);
        var trigger = raised.Body;
        Assert.Equal(["dedup_key", "event_action", "payload", "routing_key"], Names(trigger));
        Assert.Equal("R0UTINGKEY0123456789abcdefabcdef", trigger.GetProperty("routing_key").GetString());
        Assert.Equal("trigger", trigger.GetProperty("event_action").GetString());
        Assert.Equal(alertId, trigger.GetProperty("dedup_key").GetString());
        var payload = trigger.GetProperty("payload");
        Assert.Equal(["class", "component", "custom_details", "group", "severity", "source", "summary", "timestamp"], Names(payload));
        Assert.Equal("[CRITICAL] db-1: CPU usage critical: 95.1%", payload.GetProperty("summary").GetString());
        Assert.Equal("db-1", payload.GetProperty("source").GetString());
        Assert.Equal("critical", payload.GetProperty("severity").GetString());
        Assert.Equal("2026-11-27T10:00:00Z", payload.GetProperty("timestamp").GetString());
        Assert.Equal("cpu", payload.GetProperty("component").GetString());
        Assert.Equal("builtin-cpu", payload.GetProperty("group").GetString());
        Assert.Equal("95.1", payload.GetProperty("custom_details").GetProperty("value").GetString());

        Assert.Equal("v2/enqueue", resolved.Path);
        Assert.Equal(["dedup_key", "event_action", "routing_key"], Names(resolved.Body));
        Assert.Equal("resolve", resolved.Body.GetProperty("event_action").GetString());
        Assert.Equal(alertId, resolved.Body.GetProperty("dedup_key").GetString());
    }

    [Fact]
    public async Task OpsgenieGetsACreateWithGenieKeyAndAliasAndACloseByAliasWhenTheAlertResolves()
    {
        await using var f = await ChannelFixture.StartAsync(_tables.ConnectionString);
        var channel = await f.AddAsync(ChannelKinds.Opsgenie, f.Receiver.Url("og").ToString(), apiKey: "eb243592-faa2-4ba2-a551q-1afdf565c889");

        var (raised, resolved, alertId) = await RaiseAndResolveAsync(f, channel);

        Assert.Equal(("POST", "og/v2/alerts", string.Empty), (raised.Method, raised.Path, raised.Query));
        Assert.Equal("GenieKey eb243592-faa2-4ba2-a551q-1afdf565c889", raised.Header("Authorization"));
        var create = raised.Body;
        Assert.Equal(["alias", "description", "details", "message", "priority", "source", "tags"], Names(create));
        Assert.Equal(alertId, create.GetProperty("alias").GetString());
        Assert.Equal("P1", create.GetProperty("priority").GetString());
        Assert.True(create.GetProperty("message").GetString()!.Length <= 130);
        Assert.Contains("CPU usage critical", create.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("critical", create.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("db-1", create.GetProperty("details").GetProperty("host_id").GetString());

        Assert.Equal($"og/v2/alerts/{alertId}/close", resolved.Path);
        Assert.Equal("?identifierType=alias", resolved.Query);
        Assert.Equal("GenieKey eb243592-faa2-4ba2-a551q-1afdf565c889", resolved.Header("Authorization"));
        Assert.Equal(["note", "source"], Names(resolved.Body));
        Assert.Equal("InfraFunctions", resolved.Body.GetProperty("source").GetString());
    }

    [Fact]
    public async Task OpsgenieMessagesAreCutTo130CharactersAndWarningsArePriorityP3()
    {
        await using var f = await ChannelFixture.StartAsync(_tables.ConnectionString);
        var channel = await f.AddAsync(ChannelKinds.Opsgenie, f.Receiver.Url("og").ToString(), apiKey: "key-123456789");

        await f.Notifier.SendAsync(ChannelFixture.Event(AlertKinds.Raised, ChannelFixture.NewAlertId(), channel.Id) with { Severity = "warning", Message = new string('x', 400) });
        var create = (await f.Receiver.WaitForAsync(1, TimeSpan.FromSeconds(10))).Single().Body;

        Assert.Equal(130, create.GetProperty("message").GetString()!.Length);
        Assert.Equal("P3", create.GetProperty("priority").GetString());
        Assert.Contains(new string('x', 400), create.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DiscordGetsContentOfAtMost2000CharactersThatMentionsNoOne()
    {
        await using var f = await ChannelFixture.StartAsync(_tables.ConnectionString);
        var channel = await f.AddAsync(ChannelKinds.Discord, f.Receiver.Url("api/webhooks/1/abc").ToString());

        var (raised, resolved, _) = await RaiseAndResolveAsync(f, channel);
        await f.Notifier.SendAsync(ChannelFixture.Event(AlertKinds.Raised, ChannelFixture.NewAlertId(), channel.Id) with { Message = "@everyone " + new string('y', 3000) });
        var big = (await f.Receiver.WaitForAsync(3, TimeSpan.FromSeconds(10)))[2].Body;

        Assert.Equal("api/webhooks/1/abc", raised.Path);
        Assert.StartsWith("[CRITICAL] db-1: CPU usage critical: 95.1%", raised.Body.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Empty(raised.Body.GetProperty("allowed_mentions").GetProperty("parse").EnumerateArray());
        Assert.StartsWith("[RESOLVED] db-1", resolved.Body.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal(2000, big.GetProperty("content").GetString()!.Length);
    }

    [Fact]
    public async Task NtfyGetsThePlainMessageWithTitlePriorityTagsAndTheAccessTokenAsBearer()
    {
        await using var f = await ChannelFixture.StartAsync(_tables.ConnectionString);
        var channel = await f.AddAsync(ChannelKinds.Ntfy, f.Receiver.Url("infra-alerts").ToString(), apiKey: "tk_7eevizlsiwf9yi4uxsrs83r4352o0");

        var (raised, resolved, alertId) = await RaiseAndResolveAsync(f, channel);

        Assert.Equal(("POST", "infra-alerts"), (raised.Method, raised.Path));
        Assert.StartsWith("text/plain", raised.ContentType, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Undefined, raised.Body.ValueKind);
        Assert.Contains($"alert {alertId}", raised.Text, StringComparison.Ordinal);
        Assert.Equal("[CRITICAL] db-1: CPU usage critical: 95.1%", raised.Header("Title"));
        Assert.Equal("urgent", raised.Header("Priority"));
        Assert.Equal("rotating_light,infrafunctions", raised.Header("Tags"));
        Assert.Equal("Bearer tk_7eevizlsiwf9yi4uxsrs83r4352o0", raised.Header("Authorization"));
        Assert.StartsWith("[RESOLVED]", resolved.Header("Title"), StringComparison.Ordinal);
        Assert.Equal("default", resolved.Header("Priority"));
        Assert.StartsWith("white_check_mark", resolved.Header("Tags"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NtfyWithoutAnAccessTokenSendsNoAuthorizationAndEncodesANonAsciiTitle()
    {
        await using var f = await ChannelFixture.StartAsync(_tables.ConnectionString);
        var channel = await f.AddAsync(ChannelKinds.Ntfy, f.Receiver.Url("public-topic").ToString());

        await f.Notifier.SendAsync(ChannelFixture.Event(AlertKinds.Raised, ChannelFixture.NewAlertId(), channel.Id) with { HostId = "köln-1" });
        var hook = (await f.Receiver.WaitForAsync(1, TimeSpan.FromSeconds(10))).Single();

        Assert.Null(hook.Header("Authorization"));
        Assert.StartsWith("=?UTF-8?B?", hook.Header("Title"), StringComparison.Ordinal);
        var encoded = hook.Header("Title")!["=?UTF-8?B?".Length..^2];
        Assert.StartsWith("[CRITICAL] köln-1", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(encoded)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunTimeWebhookSlackAndTeamsChannelsGetTheSameBodiesAsConfiguredOnes()
    {
        await using var f = await ChannelFixture.StartAsync(_tables.ConnectionString);
        var ids = new[]
        {
            (await f.AddAsync(ChannelKinds.Webhook, f.Receiver.Url("generic").ToString())).Id,
            (await f.AddAsync(ChannelKinds.Slack, f.Receiver.Url("slack").ToString())).Id,
            (await f.AddAsync(ChannelKinds.Teams, f.Receiver.Url("teams").ToString())).Id,
        };

        await f.Notifier.SendAsync(ChannelFixture.Event(AlertKinds.Raised, ChannelFixture.NewAlertId(), ids));
        var hooks = (await f.Receiver.WaitForAsync(3, TimeSpan.FromSeconds(10))).ToDictionary(h => h.Path);

        Assert.Equal("raised", hooks["generic"].Body.GetProperty("kind").GetString());
        Assert.Equal("builtin-cpu", hooks["generic"].Body.GetProperty("rule_id").GetString());
        Assert.StartsWith("[CRITICAL] db-1: CPU usage critical: 95.1%", hooks["slack"].Body.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("MessageCard", hooks["teams"].Body.GetProperty("@type").GetString());
    }
}
