using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace InfraFunctions.Tests.Rules;

[Collection(RulesApiCollection.Name)]
public sealed class RulesApiTests(RulesApiFixture fixture)
{
    private const string Rules = "api/v1/observability/rules";
    private static readonly string[] ConfiguredSlack = ["config-slack-1"];

    private static object Body(string name = "Data disk filling up", string metric = "disk.percent{mount=/data}") => new
    {
        name,
        metric,
        scope = new { tags = new Dictionary<string, string> { ["env"] = "prod" } },
        condition = "above",
        warning = 80,
        critical = 95,
        duration_seconds = 300,
        clear_margin = 5,
        channels = Array.Empty<string>(),
        renotify_minutes = 60,
    };

    private async Task<JsonElement> CreateAsync(object body)
    {
        using var created = await fixture.Operator.PostAsJsonAsync(Rules, body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.JsonAsync()).GetProperty("rule");
    }

    [Fact]
    public async Task AnOperatorCreatesARuleReadersListAndGetItAPutReplacesItAndADeleteRemovesIt()
    {
        using var created = await fixture.Operator.PostAsJsonAsync(Rules, Body());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var reply = await created.JsonAsync();
        Assert.Equal("success", reply.GetProperty("status").GetString());
        var rule = reply.GetProperty("rule");
        var id = rule.GetProperty("id").GetString()!;
        Assert.Matches("^rule-[0-9a-f]{12}$", id);
        Assert.Equal($"/api/v1/observability/rules/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal(("Data disk filling up", "disk.percent{mount=/data}", "above", 80.0, 95.0), (rule.GetProperty("name").GetString(), rule.GetProperty("metric").GetString(), rule.GetProperty("condition").GetString(), rule.GetProperty("warning").GetDouble(), rule.GetProperty("critical").GetDouble()));
        Assert.Equal((300, 5.0, 60, true, false), (rule.GetProperty("duration_seconds").GetInt32(), rule.GetProperty("clear_margin").GetDouble(), rule.GetProperty("renotify_minutes").GetInt32(), rule.GetProperty("enabled").GetBoolean(), rule.GetProperty("built_in").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, rule.GetProperty("scope").GetProperty("host").ValueKind);
        Assert.Equal("prod", rule.GetProperty("scope").GetProperty("tags").GetProperty("env").GetString());
        Assert.Equal("on-call", rule.GetProperty("updated_by").GetString());

        var got = await (await fixture.Reader.GetAsync($"{Rules}/{id}")).JsonAsync();
        Assert.Equal(rule.ToString(), got.GetProperty("rule").ToString());
        var list = await (await fixture.Reader.GetAsync(Rules)).JsonAsync();
        var rules = list.GetProperty("rules").EnumerateArray().ToArray();
        Assert.Equal(rules.Length, list.GetProperty("count").GetInt32());
        Assert.Equal(["builtin-cpu", "builtin-memory", "builtin-disk"], rules.Take(3).Select(r => r.GetProperty("id").GetString()));
        Assert.Contains(rules, r => r.GetProperty("id").GetString() == id);

        using var put = await fixture.Operator.PutAsJsonAsync($"{Rules}/{id}", new { name = "Low on /data", metric = "disk.free_gb{mount=/data}", condition = "below", critical = 10, enabled = false });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var replaced = (await put.JsonAsync()).GetProperty("rule");
        Assert.Equal((id, "Low on /data", "below", JsonValueKind.Null, 10.0, false), (replaced.GetProperty("id").GetString(), replaced.GetProperty("name").GetString(), replaced.GetProperty("condition").GetString(), replaced.GetProperty("warning").ValueKind, replaced.GetProperty("critical").GetDouble(), replaced.GetProperty("enabled").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, replaced.GetProperty("scope").GetProperty("tags").ValueKind); // the whole rule was replaced
        Assert.Equal(60, replaced.GetProperty("duration_seconds").GetInt32());
        Assert.Equal(replaced.ToString(), (await (await fixture.Reader.GetAsync($"{Rules}/{id}")).JsonAsync()).GetProperty("rule").ToString());

        using var deleted = await fixture.Operator.DeleteAsync($"{Rules}/{id}");
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(id, (await deleted.JsonAsync()).GetProperty("deleted").GetString());
        await (await fixture.Reader.GetAsync($"{Rules}/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await fixture.Operator.DeleteAsync($"{Rules}/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await fixture.Operator.PutAsJsonAsync($"{Rules}/{id}", Body())).ProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain((await (await fixture.Reader.GetAsync(Rules)).JsonAsync()).GetProperty("rules").EnumerateArray(), r => r.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task StoredRulesAreListedAfterTheBuiltInOnesByName()
    {
        var zulu = (await CreateAsync(Body("zulu rule"))).GetProperty("id").GetString();
        var alpha = (await CreateAsync(Body("Alpha rule"))).GetProperty("id").GetString();

        var ids = (await (await fixture.Reader.GetAsync(Rules)).JsonAsync()).GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();

        Assert.True(ids.IndexOf("builtin-disk") < ids.IndexOf(alpha) && ids.IndexOf(alpha) < ids.IndexOf(zulu), string.Join(", ", ids));
        await fixture.Operator.DeleteAsync($"{Rules}/{zulu}");
        await fixture.Operator.DeleteAsync($"{Rules}/{alpha}");
    }

    [Theory]
    [InlineData("""{"metric": "cpu.percent", "condition": "above", "warning": 80}""", "name")]
    [InlineData("""{"name": "x", "metric": "cpu.percent{core=1}", "condition": "above", "warning": 80}""", "metric")]
    [InlineData("""{"name": "x", "metric": "gpu.percent", "condition": "above", "warning": 80}""", "metric")]
    [InlineData("""{"name": "x", "metric": "disk.percent{mount=/data", "condition": "above", "warning": 80}""", "metric")]
    [InlineData("""{"name": "x", "metric": "cpu.percent", "scope": {"host": "web-1", "tags": {"env": "prod"}}, "condition": "above", "warning": 80}""", "scope")]
    [InlineData("""{"name": "x", "metric": "cpu.percent", "scope": {"host": "   "}, "condition": "above", "warning": 80}""", "scope.host")]
    [InlineData("""{"name": "x", "metric": "cpu.percent", "scope": {"tags": {"env": ""}}, "condition": "above", "warning": 80}""", "scope.tags.env")]
    [InlineData("""{"name": "x", "metric": "cpu.percent", "condition": "sideways", "warning": 80}""", "condition")]
    [InlineData("""{"name": "x", "metric": "cpu.percent", "condition": "above"}""", "warning")]
    [InlineData("""{"name": "x", "metric": "cpu.percent", "condition": "above", "warning": 95, "critical": 80}""", "warning")]
    [InlineData("""{"name": "x", "metric": "disk.free_gb", "condition": "below", "warning": 5, "critical": 10}""", "warning")]
    [InlineData("""{"name": "x", "metric": "cpu.percent", "condition": "above", "warning": 80, "duration_seconds": 86401}""", "duration_seconds")]
    [InlineData("""{"name": "x", "metric": "cpu.percent", "condition": "above", "warning": 80, "clear_margin": -1}""", "clear_margin")]
    [InlineData("""{"name": "x", "metric": "cpu.percent", "condition": "above", "warning": 80, "channels": ["ch-0123456789ab"]}""", "channels")]
    [InlineData("""{"name": "x", "metric": "cpu.percent", "condition": "above", "warning": 80, "renotify_minutes": 10081}""", "renotify_minutes")]
    public async Task EachInvalidFieldIsRefusedWith400NamingItAndNothingIsStored(string body, string field)
    {
        var before = (await (await fixture.Reader.GetAsync(Rules)).JsonAsync()).GetProperty("count").GetInt32();

        using var post = await fixture.Operator.PostAsync(Rules, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var problem = await post.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), problem.ToString());
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
        using var preview = await fixture.Reader.PostAsync($"{Rules}/preview", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        if (field == "name")
        {
            Assert.Equal(HttpStatusCode.OK, preview.StatusCode); // a preview needs no name
        }
        else
        {
            Assert.True((await preview.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty(field, out _));
        }

        Assert.Equal(before, (await (await fixture.Reader.GetAsync(Rules)).JsonAsync()).GetProperty("count").GetInt32());
    }

    [Theory]
    [InlineData("""{"name": "x", "metric": "cpu.percent", "condition": "above", "warning": 80, "id": "rule-0123456789ab"}""", "'id'")]
    [InlineData("""{"name": "x", "metric": "cpu.percent", "scope": {"hosts": ["web-1"]}, "condition": "above", "warning": 80}""", "'hosts'")]
    [InlineData("""{"name": "x", "metric": "cpu.percent", "condition": "above", "warning": "high"}""", "warning")]
    [InlineData("""{"name": "x", """, "JSON")]
    public async Task AnUnknownFieldOrABodyThatIsNotARuleIsRefusedSayingWhy(string body, string named)
    {
        using var post = await fixture.Operator.PostAsync(Rules, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await post.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(named, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARuleNamingAChannelThatDoesNotExistIsRefusedWithItsIndexAndOneNamingAnExistingChannelIsStored()
    {
        using var created = await fixture.Operator.PostAsJsonAsync("api/v1/observability/channels", new { name = "rules on-call", kind = "slack", url = "https://hooks.slack.com/services/T000/B000/rulesapitest" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var channelId = (await created.JsonAsync()).GetProperty("channel").GetProperty("id").GetString()!;

        using var unknown = await fixture.Operator.PostAsJsonAsync(Rules, new { name = "x", metric = "cpu.percent", condition = "above", warning = 80, channels = new[] { channelId, ConfiguredSlack[0] } });
        var problem = await unknown.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("'config-slack-1' (channels[1])", problem.GetProperty("errors").GetProperty("channels")[0].GetString(), StringComparison.Ordinal);

        var rule = await CreateAsync(new { name = "routed", metric = "cpu.percent", condition = "above", warning = 80, channels = new[] { channelId } });
        Assert.Equal([channelId], rule.GetProperty("channels").EnumerateArray().Select(c => c.GetString()));

        using var _ = await fixture.Operator.DeleteAsync($"api/v1/observability/channels/{channelId}");
    }

    [Fact]
    public async Task AReaderCannotCreateReplaceOrDeleteRulesAndACallerWithoutATokenCannotReadThem()
    {
        var id = (await CreateAsync(Body("guarded"))).GetProperty("id").GetString();

        foreach (var response in new[]
        {
            await fixture.Reader.PostAsJsonAsync(Rules, Body()),
            await fixture.Reader.PutAsJsonAsync($"{Rules}/{id}", Body("renamed")),
            await fixture.Reader.DeleteAsync($"{Rules}/{id}"),
            await fixture.Reader.PutAsJsonAsync($"{Rules}/builtin-cpu", new { enabled = false }),
        })
        {
            var problem = await response.ProblemAsync(HttpStatusCode.Forbidden);
            Assert.Contains("operator", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        foreach (var response in new[]
        {
            await fixture.Server.Client.GetAsync(Rules),
            await fixture.Server.Client.GetAsync($"{Rules}/{id}"),
            await fixture.Server.Client.GetAsync($"{Rules}/metrics"),
            await fixture.Server.Client.PostAsJsonAsync($"{Rules}/preview", Body()),
            await fixture.Server.Client.PostAsJsonAsync(Rules, Body()),
        })
        {
            await response.ProblemAsync(HttpStatusCode.Unauthorized);
        }

        var still = (await (await fixture.Reader.GetAsync($"{Rules}/{id}")).JsonAsync()).GetProperty("rule");
        Assert.Equal("guarded", still.GetProperty("name").GetString());
        await fixture.Operator.DeleteAsync($"{Rules}/{id}");
    }

    [Fact]
    public async Task AnUnknownRuleIs404AndSomethingThatIsNotARuleIdIs400()
    {
        await (await fixture.Reader.GetAsync($"{Rules}/rule-0123456789ab")).ProblemAsync(HttpStatusCode.NotFound);
        await (await fixture.Reader.GetAsync($"{Rules}/builtin-host-down")).ProblemAsync(HttpStatusCode.NotFound);
        var bad = await (await fixture.Reader.GetAsync($"{Rules}/RULE-x")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("id", out _));
        await (await fixture.Operator.DeleteAsync($"{Rules}/not-a-rule")).ProblemAsync(HttpStatusCode.BadRequest);
    }
}
