using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InfraFunctions.Testing;

namespace InfraFunctions.Tests;

/// <summary>What an agent reports about itself (its version, the settings it runs with) and where operators see it.</summary>
public sealed class AgentReportApiTests(AgentSettingsApiFixture fixture) : IClassFixture<AgentSettingsApiFixture>
{
    private async Task<JsonElement> PostAsync(string host, Action<JsonObject> edit)
    {
        var (_, key) = await fixture.Server.CreateAgentAsync(host);
        using var agent = fixture.Server.ClientWithBearer(key);
        var batch = Samples.Batch(host, Samples.Times(DateTimeOffset.UtcNow.AddSeconds(-1), 2, TimeSpan.FromSeconds(5)));
        edit(batch);
        using var post = await agent.PostAsync("api/v1/ingest/samples", Samples.Gzip(batch));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        return await post.JsonAsync();
    }

    private static JsonArray Settings(params (string Name, string Value, string Source, string? Scope)[] settings) =>
        new(settings.Select(s => (JsonNode)new JsonObject { ["name"] = s.Name, ["value"] = s.Value, ["source"] = s.Source, ["scope"] = s.Scope }).ToArray());

    private static string[] InForce(JsonElement list) =>
        list.EnumerateArray().Select(s => $"{s.GetProperty("name").GetString()}={s.GetProperty("value").GetString()} ({s.GetProperty("source").GetString()}"
            + (s.TryGetProperty("scope", out var scope) ? $", {scope.GetString()})" : ")")).ToArray();

    [Fact]
    public async Task TheSettingsInForceABatchReportsComeBackFromAgentSettingsAndTheSystemRead()
    {
        var host = Http.NewHostId("inforce");
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        await PostAsync(host, b => b["settings"] = Settings(("top", "5", "server", "host"), ("watch", "nginx,sshd", "file", null)));
        string[] expected = ["top=5 (server, host)", "watch=nginx,sshd (file)"];

        var resolved = await (await fixture.Reader.GetAsync(Http.Query("api/v1/observability/agent-settings", host))).JsonAsync();
        Assert.Equal(expected, InForce(resolved.GetProperty("in_force")));
        Assert.InRange(resolved.GetProperty("reported_at").GetDateTimeOffset(), before, DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.False(resolved.TryGetProperty("in_force_problem", out _));

        var system = await (await fixture.Reader.GetAsync(Http.Query("api/v1/observability/infrastructure/system", host))).JsonAsync();
        Assert.Equal(expected, InForce(system.GetProperty("settings_in_force")));

        // The next batch's report replaces the last; an agent that reports none leaves none shown.
        await PostAsync(host, b => b["settings"] = Settings(("top", "10", "flag", null)));
        system = await (await fixture.Reader.GetAsync(Http.Query("api/v1/observability/infrastructure/system", host))).JsonAsync();
        Assert.Equal(["top=10 (flag)"], InForce(system.GetProperty("settings_in_force")));
        await PostAsync(host, b => b.Remove("settings"));
        system = await (await fixture.Reader.GetAsync(Http.Query("api/v1/observability/infrastructure/system", host))).JsonAsync();
        Assert.Empty(system.GetProperty("settings_in_force").EnumerateArray());
    }

    [Fact]
    public async Task ABatchWithOversizedSettingsStillStoresItsSamplesAndTheDroppedReportSaysWhy()
    {
        var host = Http.NewHostId("oversize");
        var many = Enumerable.Range(0, 65).Select(i => ($"setting_{i}", "1", "file", (string?)null)).ToArray();
        var reply = await PostAsync(host, b => b["settings"] = Settings(many));
        Assert.Equal(2, reply.GetProperty("accepted").GetInt32());

        var summary = await (await fixture.Reader.GetAsync($"{Http.Query("api/v1/observability/infrastructure/summary", host)}&window=1h")).JsonAsync();
        Assert.Equal(2, summary.GetProperty("sample_count").GetInt32());
        var resolved = await (await fixture.Reader.GetAsync(Http.Query("api/v1/observability/agent-settings", host))).JsonAsync();
        Assert.Empty(resolved.GetProperty("in_force").EnumerateArray());
        Assert.Contains("65 entries; report at most 64", resolved.GetProperty("in_force_problem").GetString(), StringComparison.Ordinal);

        reply = await PostAsync(host, b => b["settings"] = Settings(("watch", new string('x', 5000), "server", "host")));
        Assert.Equal(2, reply.GetProperty("accepted").GetInt32());
        resolved = await (await fixture.Reader.GetAsync(Http.Query("api/v1/observability/agent-settings", host))).JsonAsync();
        Assert.StartsWith("settings[0].value", resolved.GetProperty("in_force_problem").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHostsListFlagsAnAgentOlderThanTheDeploymentButNotTheCurrentOneOrAnUnreadableVersion()
    {
        var props = File.ReadAllText(Path.Combine(RepoPaths.Root, "Directory.Build.props"));
        var current = Regex.Match(props, "<Version>([^<]+)</Version>").Groups[1].Value;
        var (old, same, odd) = (Http.NewHostId("old"), Http.NewHostId("same"), Http.NewHostId("odd"));
        await PostAsync(old, b => b["platform"]!["agent_version"] = "0.1.0");
        await PostAsync(same, b => b["platform"]!["agent_version"] = current);
        await PostAsync(odd, b => b["platform"]!["agent_version"] = "dev-build");

        var list = await (await fixture.Reader.GetAsync("api/v1/observability/hosts")).JsonAsync();
        Assert.Equal(current, list.GetProperty("agent_version").GetString());
        var hosts = list.GetProperty("hosts").EnumerateArray().ToDictionary(h => h.GetProperty("host_id").GetString()!);
        Assert.Equal(("0.1.0", true), (hosts[old].GetProperty("agent_version").GetString(), hosts[old].GetProperty("agent_outdated").GetBoolean()));
        Assert.Equal((current, false), (hosts[same].GetProperty("agent_version").GetString(), hosts[same].GetProperty("agent_outdated").GetBoolean()));
        Assert.Equal(("dev-build", false), (hosts[odd].GetProperty("agent_version").GetString(), hosts[odd].GetProperty("agent_outdated").GetBoolean()));
    }
}
