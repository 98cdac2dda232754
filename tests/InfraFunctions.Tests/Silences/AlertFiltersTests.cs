using System.Net;
using System.Text.Json;
using InfraFunctions.Core.Alerts;
using InfraFunctions.Core.Tags;
using InfraFunctions.Testing;

namespace InfraFunctions.Tests.Silences;

/// <summary>The alerts list's filters by tag, severity and open condition, and the tags each alert shows.</summary>
[Collection(SilencesCollection.Name)]
public sealed class AlertFiltersTests(SilencesFixture fixture)
{
    private async Task<JsonElement[]> AlertsAsync(string query) =>
        [.. (await (await fixture.Reader.GetAsync("api/v1/observability/alerts?" + query)).JsonAsync()).GetProperty("alerts").EnumerateArray()];

    private static string[] Severities(JsonElement[] alerts) => [.. alerts.Select(a => a.GetProperty("severity").GetString()!).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task AlertsAreFilteredByTheHostsTagsNowAndBySeverityAndEachShowsItsHostsTags()
    {
        var team = $"t{Guid.NewGuid():N}"[..16];
        var tagged = Http.NewHostId("tagged");
        await fixture.Tags.SetAsync(tagged, TagSource.Operator, new Dictionary<string, string> { ["team"] = team, ["env"] = "prod" });
        await fixture.Tags.SetAsync(tagged, TagSource.Agent, new Dictionary<string, string> { ["role"] = "db" });
        var (_, key) = await fixture.Server.CreateAgentAsync(tagged);
        using (var agent = fixture.Server.ClientWithBearer(key))
        {
            (await agent.PostAsync("api/v1/ingest/samples", Samples.Gzip(Samples.Batch(tagged, [DateTimeOffset.UtcNow.AddSeconds(-1)], (s, _) => s["cpu"]!["percent"] = 95)))).EnsureSuccessStatusCode();
        }

        var untagged = await fixture.HostAsync("untagged", 95);

        var byTeam = await AlertsAsync($"tag=team:{team}");
        var byTeamAndEnv = await AlertsAsync($"tag=team:{team}&tag=env:prod&severity=critical");
        var byOtherEnv = await AlertsAsync($"tag=team:{team}&tag=env:staging");
        var untaggedCritical = await AlertsAsync($"host={untagged}&severity=critical");

        Assert.Equal(["critical", "warning"], Severities(byTeam));
        Assert.All(byTeam, a => Assert.Equal(tagged, a.GetProperty("host_id").GetString()));
        Assert.Equal(
            new Dictionary<string, string> { ["env"] = "prod", ["role"] = "db", ["team"] = team },
            byTeam[0].GetProperty("tags").Deserialize<Dictionary<string, string>>());
        Assert.Equal(["critical"], Severities(byTeamAndEnv));
        Assert.Empty(byOtherEnv);
        Assert.Equal(["critical"], Severities(untaggedCritical));
        Assert.Equal(JsonValueKind.Object, untaggedCritical[0].GetProperty("tags").ValueKind);
        Assert.Empty(untaggedCritical[0].GetProperty("tags").EnumerateObject());
        Assert.Equal(("builtin-cpu", false), (untaggedCritical[0].GetProperty("rule_id").GetString(), untaggedCritical[0].GetProperty("silenced").GetBoolean()));
    }

    [Fact]
    public async Task EachOpenConditionListsOnlyTheOpenAlertsInIt()
    {
        var host = await fixture.HostAsync("states", 5);
        var now = DateTimeOffset.UtcNow;
        AlertRecord Alert(string severity) => new(AlertRepository.NewId(now), host, "cpu", severity, AlertStates.Open, 95, 90, "CPU usage", now) { RuleId = "builtin-cpu" };
        var acknowledged = Alert("warning") with { AcknowledgedAt = now, AcknowledgedBy = "ops" };
        var flapping = Alert("critical") with { Flapping = true };
        var noData = Alert("warning") with { NoData = true };
        var resolved = Alert("critical") with { State = AlertStates.Resolved, ResolvedAt = now, NoData = true };
        foreach (var alert in new[] { acknowledged, flapping, noData, resolved })
        {
            await fixture.Alerts.AddAsync(alert);
        }

        string[] IdsOf(JsonElement[] alerts) => [.. alerts.Select(a => a.GetProperty("id").GetString()!)];

        Assert.Equal([acknowledged.Id], IdsOf(await AlertsAsync($"host={host}&state=acknowledged")));
        Assert.Equal([flapping.Id], IdsOf(await AlertsAsync($"host={host}&state=flapping")));
        Assert.Equal([noData.Id], IdsOf(await AlertsAsync($"host={host}&state=no_data")));
        Assert.Empty(await AlertsAsync($"host={host}&state=silenced"));
        Assert.Equal(3, (await AlertsAsync($"host={host}&state=open")).Length);
        Assert.Equal([resolved.Id], IdsOf(await AlertsAsync($"host={host}&state=resolved")));
        Assert.Equal(4, (await AlertsAsync($"host={host}")).Length);
    }

    [Theory]
    [InlineData("severity=fatal", "severity")]
    [InlineData("state=muted", "state")]
    [InlineData("tag=env", "tag")]
    [InlineData("tag=1env:prod", "tag")]
    [InlineData("tag=env:prod&tag=env:staging", "tag")]
    public async Task ABadFilterIsAProblemNamingIt(string query, string field)
    {
        using var response = await fixture.Reader.GetAsync("api/v1/observability/alerts?" + query);

        Assert.True((await response.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty(field, out _));
    }
}
