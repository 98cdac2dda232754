using System.Net;
using System.Text.Json;
using InfraFunctions.Testing;

namespace InfraFunctions.Tests.Channels;

public sealed class ChannelsApiTests(ChannelsApiFixture fixture) : IClassFixture<ChannelsApiFixture>
{
    private const string Route = "api/v1/observability/channels";

    private static StringContent Json(string body) => ChannelsApiFixture.Json(body);

    [Fact]
    public async Task AChannelAddedByAnOperatorIsListedWithHintsOnlyBesideTheConfiguredOnes()
    {
        using var post = await fixture.Operator.PostAsync(Route, Json("""
            {"name": "Pager", "kind": "pagerduty", "url": "https://events.eu.pagerduty.com/v2/enqueue", "routing_key": "R0UTINGKEYsecret0123456789abcdef", "default": true}
            """));
        var created = await post.Content.ReadAsStringAsync();
        using var list = await fixture.Reader.GetAsync(Route);
        var listed = await list.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        var channel = JsonDocument.Parse(created).RootElement.GetProperty("channel");
        var id = channel.GetProperty("id").GetString()!;
        Assert.Matches("^ch-[0-9a-f]{12}$", id);
        Assert.Equal($"/api/v1/observability/channels/{id}", post.Headers.Location?.ToString());
        Assert.Equal(("Pager", "pagerduty", true, "api"), (channel.GetProperty("name").GetString(), channel.GetProperty("kind").GetString(), channel.GetProperty("default").GetBoolean(), channel.GetProperty("source").GetString()));
        Assert.Equal("https://events.eu.pagerduty.com/…ueue", channel.GetProperty("url_hint").GetString());
        Assert.Equal("…cdef", channel.GetProperty("routing_key_hint").GetString());
        Assert.Equal(JsonValueKind.Null, channel.GetProperty("api_key_hint").ValueKind);
        Assert.Equal("on-call", channel.GetProperty("updated_by").GetString());

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var all = JsonDocument.Parse(listed).RootElement;
        Assert.Equal("success", all.GetProperty("status").GetString());
        var channels = all.GetProperty("channels").EnumerateArray().ToArray();
        Assert.Equal(channels.Length, all.GetProperty("count").GetInt32());
        Assert.Equal(["config-webhook-1", "config-slack-1"], channels.Take(2).Select(c => c.GetProperty("id").GetString()));
        Assert.All(channels.Take(2), c => Assert.Equal((true, "configuration"), (c.GetProperty("default").GetBoolean(), c.GetProperty("source").GetString())));
        Assert.Equal("http://127.0.0.1/…ck01", channels[1].GetProperty("url_hint").GetString());
        Assert.Contains(channels, c => c.GetProperty("id").GetString() == id);
        foreach (var secret in new[] { "R0UTINGKEYsecret0123456789abcdef", "events.eu.pagerduty.com/v2/enqueue", ChannelsApiFixture.ConfiguredSlackSecret })
        {
            Assert.DoesNotContain(secret, created, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, listed, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PutReplacesNameKindAndDefaultAndKeepsTheSecretsItLeavesOut()
    {
        var channel = await fixture.CreateAsync("""{"name": "Ops", "kind": "opsgenie", "api_key": "genie-key-0123456789abcd"}""");
        var id = channel.GetProperty("id").GetString();

        using var rename = await fixture.Operator.PutAsync($"{Route}/{id}", Json("""{"name": "Ops EU", "kind": "opsgenie", "url": "https://api.eu.opsgenie.com", "default": true}"""));
        var renamed = (await rename.JsonAsync()).GetProperty("channel");
        using var switchKind = await fixture.Operator.PutAsync($"{Route}/{id}", Json("""{"name": "Ops", "kind": "discord"}"""));
        using var rekey = await fixture.Operator.PutAsync($"{Route}/{id}", Json("""{"name": "Ops", "kind": "opsgenie", "api_key": "another-key-000000009999"}"""));
        var rekeyed = (await rekey.JsonAsync()).GetProperty("channel");

        Assert.Equal(HttpStatusCode.OK, rename.StatusCode);
        Assert.Equal(("Ops EU", true, "…abcd", "https://api.eu.opsgenie.com/….com"), (renamed.GetProperty("name").GetString(), renamed.GetProperty("default").GetBoolean(), renamed.GetProperty("api_key_hint").GetString(), renamed.GetProperty("url_hint").GetString()));
        var problem = await switchKind.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("url", out _), problem.ToString());
        Assert.Equal(("…9999", false), (rekeyed.GetProperty("api_key_hint").GetString(), rekeyed.GetProperty("default").GetBoolean()));
    }

    [Fact]
    public async Task ADeletedChannelIsGoneAndEveryRouteOfItIs404()
    {
        var id = (await fixture.CreateAsync("""{"name": "Temp", "kind": "discord", "url": "https://discord.com/api/webhooks/1/tok"}""")).GetProperty("id").GetString();

        using var delete = await fixture.Operator.DeleteAsync($"{Route}/{id}");
        var body = await delete.JsonAsync();
        var listed = await (await fixture.Reader.GetAsync(Route)).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        Assert.Equal(("success", id), (body.GetProperty("status").GetString(), body.GetProperty("deleted").GetString()));
        Assert.DoesNotContain(id!, listed, StringComparison.Ordinal);
        await (await fixture.Operator.DeleteAsync($"{Route}/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await fixture.Operator.PutAsync($"{Route}/{id}", Json("""{"name": "x", "kind": "discord", "url": "https://discord.com/x"}"""))).ProblemAsync(HttpStatusCode.NotFound);
        await (await fixture.Operator.PostAsync($"{Route}/{id}/test", null)).ProblemAsync(HttpStatusCode.NotFound);
        await (await fixture.Operator.DeleteAsync($"{Route}/not-a-channel")).ProblemAsync(HttpStatusCode.NotFound);
        await (await fixture.Operator.DeleteAsync($"{Route}/config-slack-9")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("PUT", "config-slack-1", "Webhooks__SlackUrls")]
    [InlineData("DELETE", "config-webhook-1", "Webhooks__GenericUrls")]
    public async Task AConfiguredChannelCannotBeChangedHereAndTheReplyNamesItsAppSetting(string method, string id, string setting)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), $"{Route}/{id}")
        {
            Content = method == "PUT" ? Json("""{"name": "x", "kind": "slack", "url": "https://hooks.slack.com/x"}""") : null,
        };
        using var response = await fixture.Operator.SendAsync(request);

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains(setting, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"kind": "slack", "url": "https://hooks.slack.com/x"}""", "name")]
    [InlineData("""{"name": "   ", "kind": "slack", "url": "https://hooks.slack.com/x"}""", "name")]
    [InlineData("""{"name": "NAME101", "kind": "slack", "url": "https://hooks.slack.com/x"}""", "name")]
    [InlineData("""{"name": "x", "url": "https://hooks.slack.com/x"}""", "kind")]
    [InlineData("""{"name": "x", "kind": "email"}""", "kind")]
    [InlineData("""{"name": "x", "kind": "slack"}""", "url")]
    [InlineData("""{"name": "x", "kind": "ntfy"}""", "url")]
    [InlineData("""{"name": "x", "kind": "webhook", "url": "/relative/path"}""", "url")]
    [InlineData("""{"name": "x", "kind": "webhook", "url": "ftp://files.example.com/x"}""", "url")]
    [InlineData("""{"name": "x", "kind": "webhook", "url": "https://example.com/URL2100"}""", "url")]
    [InlineData("""{"name": "x", "kind": "pagerduty"}""", "routing_key")]
    [InlineData("""{"name": "x", "kind": "pagerduty", "routing_key": "has space"}""", "routing_key")]
    [InlineData("""{"name": "x", "kind": "slack", "url": "https://hooks.slack.com/x", "routing_key": "abc"}""", "routing_key")]
    [InlineData("""{"name": "x", "kind": "opsgenie"}""", "api_key")]
    [InlineData("""{"name": "x", "kind": "opsgenie", "api_key": "KEY600"}""", "api_key")]
    [InlineData("""{"name": "x", "kind": "discord", "url": "https://discord.com/x", "api_key": "abc"}""", "api_key")]
    public async Task AnInvalidChannelIs400NamingTheFieldAndNothingIsSaved(string body, string field)
    {
        body = body.Replace("NAME101", new string('n', 101), StringComparison.Ordinal).Replace("URL2100", new string('u', 2100), StringComparison.Ordinal)
            .Replace("KEY600", new string('k', 600), StringComparison.Ordinal);
        var before = await (await fixture.Reader.GetAsync(Route)).JsonAsync();

        using var post = await fixture.Operator.PostAsync(Route, Json(body));
        var existing = (await fixture.CreateAsync("""{"name": "Target", "kind": "webhook", "url": "https://example.com/hook"}""")).GetProperty("id").GetString();
        using var put = await fixture.Operator.PutAsync($"{Route}/{existing}", Json(body));

        foreach (var response in new[] { post, put })
        {
            var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), problem.ToString());
            Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
        }

        var after = await (await fixture.Reader.GetAsync(Route)).JsonAsync();
        Assert.Equal(before.GetProperty("count").GetInt32() + 1, after.GetProperty("count").GetInt32());
        Assert.Equal("Target", after.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("id").GetString() == existing).GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("""{"name": "x", "kind": "slack", "url": "https://hooks.slack.com/x", "secret": "y"}""", "secret")]
    [InlineData("""{"name": "x", "kind": "slack", "url": "https://hooks.slack.com/x", "default": "yes"}""", "default")]
    [InlineData("""{"name": "x", "kind": """, "$")]
    public async Task ABodyWithAnUnknownFieldAWrongTypeOrBrokenJsonIs400SayingWhere(string body, string where)
    {
        using var response = await fixture.Operator.PostAsync(Route, Json(body));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(where, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABodyOver64KiBIs413()
    {
        using var response = await fixture.Operator.PostAsync(Route, Json($$"""{"name": "{{new string('x', 70_000)}}", "kind": "slack"}"""));

        await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("POST", Route)]
    [InlineData("PUT", Route + "/ch-000000000000")]
    [InlineData("DELETE", Route + "/ch-000000000000")]
    [InlineData("POST", Route + "/config-webhook-1/test")]
    public async Task AReaderCannotChangeOrTestAChannelAndAnAnonymousCallerCannotEvenList(string method, string path)
    {
        using var asReader = await fixture.Reader.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = Json("""{"name": "x", "kind": "slack", "url": "https://hooks.slack.com/x"}""") });
        using var anonymous = await fixture.Server.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        using var anonymousList = await fixture.Server.Client.GetAsync(Route);

        var problem = await asReader.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("operator", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await anonymous.ProblemAsync(HttpStatusCode.Unauthorized);
        await anonymousList.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.DoesNotContain(fixture.Accepting.Received, h => h.Path == "configured-generic");
    }
}
