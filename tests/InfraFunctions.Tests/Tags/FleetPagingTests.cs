using System.Net;
using System.Text.Json;
using InfraFunctions.Testing;

namespace InfraFunctions.Tests.Tags;

public sealed class FleetPagingTests(FleetPagingFixture fixture) : IClassFixture<FleetPagingFixture>
{
    private const string Hosts = "api/v1/observability/hosts";

    [Fact]
    public async Task WithoutALimitASmallFleetIsOnePageWithEveryHostItsTagsAndANullNextToken()
    {
        var reply = await (await fixture.Reader.GetAsync(Hosts)).JsonAsync();

        Assert.Equal(JsonValueKind.Null, reply.GetProperty("next_page_token").ValueKind);
        Assert.Equal(FleetPagingFixture.HostCount, reply.GetProperty("count").GetInt32());
        var hosts = reply.GetProperty("hosts").EnumerateArray().ToArray();
        Assert.Equal(fixture.Tags.Keys.Order(StringComparer.Ordinal), hosts.Select(h => h.GetProperty("host_id").GetString()));
        Assert.All(hosts, h => Assert.Equal(fixture.Tags[h.GetProperty("host_id").GetString()!], Tags(h)));
        Assert.All(hosts, h => Assert.True(h.TryGetProperty("health_score", out _) && h.TryGetProperty("agent_version", out _)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(23)]
    public async Task FollowingNextPageTokenVisitsEveryHostOnceAtMostLimitAPage(int limit)
    {
        var (pages, seen) = await WalkAsync($"{Hosts}?limit={limit}");

        Assert.Equal(fixture.Tags.Keys.Order(StringComparer.Ordinal), seen);
        Assert.All(pages, p => Assert.InRange(p, 0, limit));
        Assert.True(pages.Count >= (FleetPagingFixture.HostCount + limit - 1) / limit, string.Join(",", pages));
    }

    [Fact]
    public async Task TagFiltersAreAndedAndApplyToEveryPage()
    {
        var expected = fixture.Tags.Where(t => t.Value.GetValueOrDefault("env") == "prod" && t.Value.GetValueOrDefault("role") == "db")
            .Select(t => t.Key).Order(StringComparer.Ordinal).ToArray();
        Assert.InRange(expected.Length, 2, FleetPagingFixture.HostCount - 2);

        var whole = await (await fixture.Reader.GetAsync($"{Hosts}?tag=env:prod&tag=role:db")).JsonAsync();
        var (_, paged) = await WalkAsync($"{Hosts}?tag=env:prod&tag=role:db&limit=4");

        Assert.Equal(expected, whole.GetProperty("hosts").EnumerateArray().Select(h => h.GetProperty("host_id").GetString()));
        Assert.Equal(expected.Length, whole.GetProperty("count").GetInt32());
        Assert.Equal(expected, paged);
        var dotted = await (await fixture.Reader.GetAsync($"{Hosts}?tag=team.name:core-db")).JsonAsync();
        Assert.Contains(fixture.Dotted, dotted.GetProperty("hosts").EnumerateArray().Select(h => h.GetProperty("host_id").GetString()));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("limit=-5", "limit")]
    [InlineData("page_token=not*a*token", "page_token")]
    [InlineData("page_token=aDE6", "page_token")] // well-formed base64url of "h1:", which names no host
    [InlineData("page_token=eDE6aG9zdA", "page_token")] // "x1:host": not a token of this API
    [InlineData("tag=env", "tag")]
    [InlineData("tag=1env:prod", "tag")]
    [InlineData("tag=env:prod&tag=env:dev", "tag")]
    public async Task ABadParameterOfTheFleetListIsA400NamingIt(string query, string field)
    {
        using var response = await fixture.Reader.GetAsync($"{Hosts}?{query}");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task ThePrometheusExportFiltersByTagAndLabelsEveryHostSeriesWithItsTags()
    {
        var (all, _) = PrometheusTextParser.Parse(await fixture.Reader.GetStringAsync("api/v1/observability/metrics/prometheus"));
        var (prod, _) = PrometheusTextParser.Parse(await fixture.Reader.GetStringAsync("api/v1/observability/metrics/prometheus?tag=env:prod&tag=role:db"));

        Assert.Equal(fixture.Tags.Keys.Order(StringComparer.Ordinal), all.Select(s => s.Labels["host"]).Distinct().Order(StringComparer.Ordinal));
        Assert.All(all, s =>
        {
            foreach (var (key, value) in fixture.Tags[s.Labels["host"]])
            {
                Assert.Equal(value, s.Labels["tag_" + key.Replace('.', '_')]);
            }
        });
        Assert.Equal("core-db", all.First(s => s.Name == "infra_up" && s.Labels["host"] == fixture.Dotted).Labels["tag_team_name"]);
        var expected = fixture.Tags.Where(t => t.Value.GetValueOrDefault("env") == "prod" && t.Value.GetValueOrDefault("role") == "db").Select(t => t.Key).Order(StringComparer.Ordinal);
        Assert.Equal(expected, prod.Where(s => s.Name == "infra_up").Select(s => s.Labels["host"]).Order(StringComparer.Ordinal));
        Assert.All(prod, s => Assert.Equal(("prod", "db"), (s.Labels["tag_env"], s.Labels["tag_role"])));
    }

    [Fact]
    public async Task ABadTagFilterOfThePrometheusExportIsA400NamingIt()
    {
        using var response = await fixture.Reader.GetAsync("api/v1/observability/metrics/prometheus?tag=env=prod");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("env=prod", problem.GetProperty("errors").GetProperty("tag")[0].GetString(), StringComparison.Ordinal);
    }

    private async Task<(List<int> Pages, List<string> Seen)> WalkAsync(string first)
    {
        var pages = new List<int>();
        var seen = new List<string>();
        var next = first;
        while (next is not null)
        {
            Assert.True(pages.Count <= FleetPagingFixture.HostCount + 1, "the tokens never ended");
            var reply = await (await fixture.Reader.GetAsync(next)).JsonAsync();
            var hosts = reply.GetProperty("hosts").EnumerateArray().Select(h => h.GetProperty("host_id").GetString()!).ToArray();
            Assert.Equal(hosts.Length, reply.GetProperty("count").GetInt32());
            pages.Add(hosts.Length);
            seen.AddRange(hosts);
            var token = reply.GetProperty("next_page_token");
            next = token.ValueKind == JsonValueKind.Null ? null : $"{first}&page_token={Uri.EscapeDataString(token.GetString()!)}";
        }

        return (pages, seen);
    }

    private static Dictionary<string, string> Tags(JsonElement host) =>
        host.GetProperty("tags").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
}
