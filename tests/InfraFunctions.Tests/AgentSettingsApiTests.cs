using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InfraFunctions.Core.Tags;
using InfraFunctions.Testing;

namespace InfraFunctions.Tests;

public sealed class AgentSettingsApiTests(AgentSettingsApiFixture fixture) : IClassFixture<AgentSettingsApiFixture>
{
    private const string Route = "api/v1/observability/agent-settings";
    private static readonly string[] BadSelectors = ["env", "1env:prod", "env:"];

    private static StringContent Body(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    private static string ForHost(string host) => Http.Query(Route, host);

    private static string ForTag(string tag) => $"{Route}?tag={Uri.EscapeDataString(tag)}";

    private async Task<JsonElement> PostAsync(string host)
    {
        var (_, key) = await fixture.Server.CreateAgentAsync(host);
        using var agent = fixture.Server.ClientWithBearer(key);
        using var post = await agent.PostAsync("api/v1/ingest/samples", Samples.Gzip(Samples.Batch(host, [DateTimeOffset.UtcNow.AddSeconds(-1)])));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        return await post.JsonAsync();
    }

    private static Dictionary<string, string> Sources(JsonElement settings) =>
        settings.GetProperty("sources").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

    [Fact]
    public async Task HostAndTagSettingsReachTheIngestReplyWithTheirSourcesTheHostWinningUntilEachIsDeleted()
    {
        var (host, other) = (Http.NewHostId("set"), Http.NewHostId("plain"));
        var (env, role) = ($"prod-{Guid.NewGuid():N}"[..12], $"web/{Guid.NewGuid():N}"[..12]);
        await fixture.Tags.SetAsync(host, TagSource.Operator, new Dictionary<string, string> { ["env"] = env, ["role"] = role });

        using (var put = await fixture.Operator.PutAsync(ForTag($"role:{role}"), Body("""{"watch": ["sshd"], "top": 9}""")))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            var stored = await put.JsonAsync();
            Assert.Equal(("tag", $"role:{role}", "on-call"), (stored.GetProperty("scope").GetString(), stored.GetProperty("tag").GetString(), stored.GetProperty("updated_by").GetString()));
            Assert.False(stored.GetProperty("settings").TryGetProperty("sources", out _));
        }

        (await fixture.Operator.PutAsync(ForTag($"env:{env}"), Body("""{"top": 7, "sample_interval_seconds": 10, "collectors": ["temperatures"]}"""))).EnsureSuccessStatusCode();
        (await fixture.Operator.PutAsync(ForHost(host), Body("""{"watch": ["nginx"]}"""))).EnsureSuccessStatusCode();

        var settings = (await PostAsync(host)).GetProperty("agent_settings");
        Assert.Equal(["nginx"], settings.GetProperty("watch").EnumerateArray().Select(w => w.GetString()));
        Assert.Equal((7, 10.0), (settings.GetProperty("top").GetInt32(), settings.GetProperty("sample_interval_seconds").GetDouble()));
        Assert.Equal(["temperatures"], settings.GetProperty("collectors").EnumerateArray().Select(c => c.GetString()));
        var expected = new Dictionary<string, string>
        {
            ["watch"] = "host", ["top"] = $"tag env={env}", ["sample_interval_seconds"] = $"tag env={env}", ["collectors"] = $"tag env={env}",
        };
        Assert.Equal(expected, Sources(settings));
        Assert.False((await PostAsync(other)).TryGetProperty("agent_settings", out _));

        var resolved = await (await fixture.Reader.GetAsync(ForHost(host))).JsonAsync();
        Assert.Equal(host, resolved.GetProperty("host_id").GetString());
        Assert.Equal(expected, Sources(resolved.GetProperty("settings")));

        var scopes = (await (await fixture.Reader.GetAsync(Route)).JsonAsync()).GetProperty("scopes").EnumerateArray().ToArray();
        Assert.Contains(scopes, s => s.GetProperty("scope").GetString() == "host" && s.GetProperty("host_id").GetString() == host
            && s.GetProperty("settings").GetProperty("watch")[0].GetString() == "nginx" && s.TryGetProperty("updated_at", out _));
        Assert.Contains(scopes, s => s.GetProperty("scope").GetString() == "tag" && s.GetProperty("tag").GetString() == $"env:{env}");

        using (var delete = await fixture.Operator.DeleteAsync(ForHost(host)))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        settings = (await PostAsync(host)).GetProperty("agent_settings");
        Assert.Equal(["sshd"], settings.GetProperty("watch").EnumerateArray().Select(w => w.GetString()));
        Assert.Equal($"tag role={role}", Sources(settings)["watch"]);
        Assert.Equal(7, settings.GetProperty("top").GetInt32()); // env sorts before role

        (await fixture.Operator.DeleteAsync(ForTag($"env:{env}"))).EnsureSuccessStatusCode();
        (await fixture.Operator.DeleteAsync(ForTag($"role:{role}"))).EnsureSuccessStatusCode();
        Assert.False((await PostAsync(host)).TryGetProperty("agent_settings", out _));
        await (await fixture.Operator.DeleteAsync(ForTag($"role:{role}"))).ProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain((await (await fixture.Reader.GetAsync(Route)).JsonAsync()).GetProperty("scopes").EnumerateArray(),
            s => s.TryGetProperty("host_id", out var h) && h.GetString() == host);
    }

    [Fact]
    public async Task InvalidSettingsAndScopesAreRefusedNamingTheFieldAndChangeNothing()
    {
        var host = Http.NewHostId("bad");
        var invalid = await (await fixture.Operator.PutAsync(ForHost(host),
            Body("""{"watch": ["nginx", "sshd", " padded"], "top": 101, "sample_interval_seconds": 0.5, "collectors": ["gpu"]}"""))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["collectors[0]", "sample_interval_seconds", "top", "watch[2]"], invalid.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));

        var both = await (await fixture.Operator.PutAsJsonAsync($"{ForHost(host)}&tag=env:prod", new { top = 5 })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("exactly one of ?host=", both.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var neither = await (await fixture.Operator.PutAsJsonAsync(Route, new { top = 5 })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["host", "tag"], neither.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        await (await fixture.Operator.DeleteAsync(Route)).ProblemAsync(HttpStatusCode.BadRequest);

        foreach (var selector in BadSelectors)
        {
            var bad = await (await fixture.Operator.PutAsJsonAsync(ForTag(selector), new { top = 5 })).ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains($"'{selector}' is not a tag selector", bad.GetProperty("errors").GetProperty("tag")[0].GetString(), StringComparison.Ordinal);
        }

        var sources = await (await fixture.Operator.PutAsJsonAsync(ForHost(host), new { top = 5, sources = new { top = "host" } })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("'sources' is not a field of this body", sources.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var empty = await (await fixture.Operator.PutAsJsonAsync(ForHost(host), new { })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("send DELETE instead", empty.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var badHost = await (await fixture.Operator.PutAsJsonAsync(ForHost("bad host\u0001"), new { top = 5 })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(badHost.GetProperty("errors").TryGetProperty("host", out _));
        await (await fixture.Reader.GetAsync(ForHost("bad host\u0001"))).ProblemAsync(HttpStatusCode.BadRequest);
        await (await fixture.Reader.GetAsync(ForTag("env:prod"))).ProblemAsync(HttpStatusCode.BadRequest);
        var twice = await (await fixture.Reader.GetAsync($"{ForHost(host)}&host=other")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("once", twice.GetProperty("errors").GetProperty("host")[0].GetString(), StringComparison.Ordinal);

        var resolved = await (await fixture.Reader.GetAsync(ForHost(host))).JsonAsync();
        Assert.Empty(resolved.GetProperty("settings").EnumerateObject());
        Assert.Empty(resolved.GetProperty("in_force").EnumerateArray());
        Assert.False(resolved.TryGetProperty("reported_at", out _));
    }

    [Fact]
    public async Task ReadersSeeAgentSettingsButOnlyOperatorsChangeThemAndNobodyWithoutAToken()
    {
        var host = Http.NewHostId("roles");
        await (await fixture.Reader.PutAsJsonAsync(ForHost(host), new { top = 5 })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await fixture.Reader.DeleteAsync(ForHost(host))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await fixture.Server.Client.GetAsync(Route)).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await fixture.Server.Client.PutAsJsonAsync(ForHost(host), new { top = 5 })).ProblemAsync(HttpStatusCode.Unauthorized);
        var (_, key) = await fixture.Server.CreateAgentAsync(host);
        using (var agent = fixture.Server.ClientWithBearer(key))
        {
            Assert.True((await agent.PutAsJsonAsync(ForHost(host), new { top = 5 })).StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden);
        }

        Assert.Equal(HttpStatusCode.OK, (await fixture.Reader.GetAsync(Route)).StatusCode);
        Assert.False((await PostAsync(host)).TryGetProperty("agent_settings", out _)); // none of the refused changes landed
    }
}
