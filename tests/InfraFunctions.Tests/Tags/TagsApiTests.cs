using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using InfraFunctions.Core.Storage;

namespace InfraFunctions.Tests.Tags;

public sealed class TagsApiTests(TagsApiFixture fixture) : IClassFixture<TagsApiFixture>
{
    private static string Path(string host) => Http.Query("api/v1/observability/tags", host);

    private static Dictionary<string, string> Map(JsonElement reply, string name) =>
        reply.GetProperty(name).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

    [Fact]
    public async Task AnOperatorsTagsWinOverTheAgentsAndTheReplySaysWhereEachCameFrom()
    {
        var (host, agent) = await fixture.NewAgentAsync();
        using (agent)
        {
            await TagsApiFixture.PostAsync(agent, host, new JsonObject { ["env"] = "dev", ["role"] = "db" });

            var reported = await (await fixture.Reader.GetAsync(Path(host))).JsonAsync();
            Assert.Equal((host, "success"), (reported.GetProperty("host_id").GetString(), reported.GetProperty("status").GetString()));
            Assert.Equal(new Dictionary<string, string> { ["env"] = "dev", ["role"] = "db" }, Map(reported, "tags"));
            Assert.Equal(new Dictionary<string, string> { ["env"] = "agent", ["role"] = "agent" }, Map(reported, "sources"));

            using var put = await fixture.Operator.PutAsJsonAsync(Path(host), new { tags = new { env = "prod", owner = "team-a" } });
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            var set = await put.JsonAsync();
            Assert.Equal(new Dictionary<string, string> { ["env"] = "prod", ["owner"] = "team-a", ["role"] = "db" }, Map(set, "tags"));
            Assert.Equal(new Dictionary<string, string> { ["env"] = "operator", ["owner"] = "operator", ["role"] = "agent" }, Map(set, "sources"));
            Assert.Equal(new Dictionary<string, string> { ["env"] = "dev", ["role"] = "db" }, Map(set, "agent"));
            Assert.Equal(new Dictionary<string, string> { ["env"] = "prod", ["owner"] = "team-a" }, Map(set, "operator"));
            Assert.Empty(Map(set, "enrollment"));

            // The agent keeps sending its own; the operator's still win, and the fleet list shows the same tags.
            await TagsApiFixture.PostAsync(agent, host, new JsonObject { ["env"] = "dev", ["role"] = "db" });
            Assert.Equal(Map(set, "tags"), Map(await (await fixture.Reader.GetAsync(Path(host))).JsonAsync(), "tags"));
            var row = (await (await fixture.Reader.GetAsync("api/v1/observability/hosts?limit=1000")).JsonAsync()).GetProperty("hosts").EnumerateArray()
                .Single(h => h.GetProperty("host_id").GetString() == host);
            Assert.Equal(Map(set, "tags"), Map(row, "tags"));

            using var clear = await fixture.Operator.PutAsJsonAsync(Path(host), new { tags = new { } });
            var cleared = await clear.JsonAsync();
            Assert.Equal(new Dictionary<string, string> { ["env"] = "dev", ["role"] = "db" }, Map(cleared, "tags"));
            Assert.Empty(Map(cleared, "operator"));
        }
    }

    [Fact]
    public async Task TheAgentsTagsAreWrittenWhenTheyChangeAndNotOnEveryPost()
    {
        var (host, agent) = await fixture.NewAgentAsync();
        using (agent)
        {
            var tags = new JsonObject { ["env"] = "prod" };
            await TagsApiFixture.PostAsync(agent, host, (JsonObject)tags.DeepClone());
            var first = await StoredAsync(host);

            await TagsApiFixture.PostAsync(agent, host, (JsonObject)tags.DeepClone());
            await TagsApiFixture.PostAsync(agent, host, (JsonObject)tags.DeepClone());
            await TagsApiFixture.PostAsync(agent, host, null); // an older agent sends none: they stay
            Assert.Equal(first, await StoredAsync(host));

            await TagsApiFixture.PostAsync(agent, host, new JsonObject { ["env"] = "staging" });
            var changed = await StoredAsync(host);
            Assert.NotEqual(first.ETag, changed.ETag);
            Assert.Equal(new Dictionary<string, string> { ["env"] = "staging" }, Map(await (await fixture.Reader.GetAsync(Path(host))).JsonAsync(), "tags"));

            // An agent whose configuration no longer has tags sends {}: its old ones go.
            await TagsApiFixture.PostAsync(agent, host, []);
            Assert.Empty(Map(await (await fixture.Reader.GetAsync(Path(host))).JsonAsync(), "tags"));
        }
    }

    [Fact]
    public async Task InvalidTagsInABatchAreIgnoredAndNamedWhileItsSamplesAreStored()
    {
        var (host, agent) = await fixture.NewAgentAsync();
        using (agent)
        {
            var reply = await TagsApiFixture.PostAsync(agent, host, new JsonObject { ["1bad"] = "x", ["env"] = "dev", ["role"] = "" });
            Assert.Equal(1, reply.GetProperty("accepted").GetInt32());
            var problem = reply.GetProperty("tags_problem").GetString()!;
            Assert.Contains("'1bad'", problem, StringComparison.Ordinal);
            Assert.Contains("1-128 characters", problem, StringComparison.Ordinal);
            Assert.Equal(new Dictionary<string, string> { ["env"] = "dev" }, Map(await (await fixture.Reader.GetAsync(Path(host))).JsonAsync(), "tags"));

            var tooMany = new JsonObject();
            for (var i = 0; i < 33; i++)
            {
                tooMany[$"k{i}"] = "v";
            }

            var crowded = await TagsApiFixture.PostAsync(agent, host, tooMany);
            Assert.Equal(1, crowded.GetProperty("accepted").GetInt32());
            Assert.Contains("at most 32", crowded.GetProperty("tags_problem").GetString(), StringComparison.Ordinal);
            Assert.Equal(new Dictionary<string, string> { ["env"] = "dev" }, Map(await (await fixture.Reader.GetAsync(Path(host))).JsonAsync(), "tags"));

            var fine = await TagsApiFixture.PostAsync(agent, host, new JsonObject { ["env"] = "dev" });
            Assert.False(fine.TryGetProperty("tags_problem", out _));
        }
    }

    [Theory]
    [InlineData("""{"tags": {"1env": "prod"}}""", "tags.1env", "must start with a letter")]
    [InlineData("""{"tags": {"env": ""}}""", "tags.env", "1-128 characters")]
    [InlineData("""{"tags": {"env": "a\u0007b"}}""", "tags.env", "control characters")]
    [InlineData("""{"tags": {"team name": "a"}}""", "tags.team name", "only letters, digits")]
    [InlineData("""{}""", "tags", "or {} to clear them")]
    public async Task APutWithABadTagIsRefusedNamingItAndChangesNothing(string body, string field, string problem)
    {
        var host = await ReportedHostAsync(new JsonObject { ["env"] = "dev" });

        using var put = await fixture.Operator.PutAsync(Path(host), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var refused = await put.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(problem, refused.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(new Dictionary<string, string> { ["env"] = "dev" }, Map(await (await fixture.Reader.GetAsync(Path(host))).JsonAsync(), "tags"));
    }

    [Fact]
    public async Task APutWithMoreThanThirtyTwoTagsOrAnUnknownFieldIsRefused()
    {
        var host = await ReportedHostAsync(null);

        using var tooMany = await fixture.Operator.PutAsJsonAsync(Path(host), new { tags = Enumerable.Range(0, 33).ToDictionary(i => $"k{i}", _ => "v") });
        var crowded = await tooMany.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("at most 32", crowded.GetProperty("errors").GetProperty("tags")[0].GetString(), StringComparison.Ordinal);

        using var unknown = await fixture.Operator.PutAsJsonAsync(Path(host), new { tags = new { env = "prod" }, owner = "me" });
        var unmapped = await unknown.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("owner", unmapped.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(Map(await (await fixture.Reader.GetAsync(Path(host))).JsonAsync(), "tags"));
    }

    [Fact]
    public async Task ABadHostIsA400NamingItAndAHostThatNeverReportedIsA404()
    {
        foreach (var client in new[] { fixture.Reader, fixture.Operator })
        {
            using var bad = await client.GetAsync("api/v1/observability/tags?host=%00");
            Assert.True((await bad.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("host", out _));
        }

        using var badPut = await fixture.Operator.PutAsJsonAsync("api/v1/observability/tags?host=%00", new { tags = new { env = "prod" } });
        Assert.True((await badPut.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("host", out _));

        var never = Http.NewHostId("never");
        await (await fixture.Reader.GetAsync(Path(never))).ProblemAsync(HttpStatusCode.NotFound);
        await (await fixture.Operator.PutAsJsonAsync(Path(never), new { tags = new { env = "prod" } })).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AReaderCannotChangeTagsAndACallerWithoutATokenCannotReadThem()
    {
        var host = await ReportedHostAsync(new JsonObject { ["env"] = "dev" });

        using var asReader = await fixture.Reader.PutAsJsonAsync(Path(host), new { tags = new { env = "prod" } });
        Assert.Contains("operator", (await asReader.ProblemAsync(HttpStatusCode.Forbidden)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await fixture.Server.Client.GetAsync(Path(host))).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await fixture.Server.Client.PutAsJsonAsync(Path(host), new { tags = new { env = "prod" } })).ProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Equal(new Dictionary<string, string> { ["env"] = "dev" }, Map(await (await fixture.Reader.GetAsync(Path(host))).JsonAsync(), "tags"));
    }

    private async Task<string> ReportedHostAsync(JsonObject? tags)
    {
        var (host, agent) = await fixture.NewAgentAsync();
        using (agent)
        {
            await TagsApiFixture.PostAsync(agent, host, tags);
        }

        return host;
    }

    // The tags row as stored: its ETag changes with every write, so an unchanged one proves nothing was written.
    private async Task<(Azure.ETag ETag, DateTimeOffset? Timestamp)> StoredAsync(string host)
    {
        var row = await fixture.Tables.GetTableClient(TableNames.Tags).GetEntityAsync<Azure.Data.Tables.TableEntity>("host", TableKeys.EncodeHostId(host));
        return (row.Value.ETag, row.Value.Timestamp);
    }
}
