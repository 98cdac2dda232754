using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;

namespace InfraFunctions.Tests.Rules;

[Collection(RulesApiCollection.Name)]
public sealed class BuiltInRulesApiTests(RulesApiFixture fixture)
{
    private const string Cpu = "api/v1/observability/rules/builtin-cpu";

    [Fact]
    public async Task TheBuiltInRulesAreListedWithTheConfiguredThresholdsAsTheirLevels()
    {
        var rules = (await (await fixture.Reader.GetAsync("api/v1/observability/rules")).JsonAsync()).GetProperty("rules").EnumerateArray().ToArray();

        var cpu = rules[0];
        Assert.Equal(("builtin-cpu", "cpu.percent", 70.0, 90.0, true), (cpu.GetProperty("id").GetString(), cpu.GetProperty("metric").GetString(), cpu.GetProperty("warning").GetDouble(), cpu.GetProperty("critical").GetDouble(), cpu.GetProperty("built_in").GetBoolean()));
        Assert.Equal(("memory.percent", 75.0), (rules[1].GetProperty("metric").GetString(), rules[1].GetProperty("warning").GetDouble()));
        Assert.Equal(("disk.percent", 95.0), (rules[2].GetProperty("metric").GetString(), rules[2].GetProperty("critical").GetDouble()));
        Assert.Equal((60, 5.0), (cpu.GetProperty("duration_seconds").GetInt32(), cpu.GetProperty("clear_margin").GetDouble())); // Alerts__DurationSeconds, Alerts__HysteresisPoints
    }

    [Fact]
    public async Task ABuiltInRuleTakesANewNameDurationMarginRenotifyAndEnabledAndTheRestStaysItsOwn()
    {
        try
        {
            using var put = await fixture.Operator.PutAsJsonAsync(Cpu, new { name = "CPU busy", metric = "cpu.percent", scope = new { host = (string?)null, tags = (object?)null }, condition = "above", warning = 70, critical = 90, duration_seconds = 600, clear_margin = 10, renotify_minutes = 120, enabled = false });
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);

            var rule = (await (await fixture.Reader.GetAsync(Cpu)).JsonAsync()).GetProperty("rule");
            Assert.Equal(("CPU busy", 600, 10.0, 120, false), (rule.GetProperty("name").GetString(), rule.GetProperty("duration_seconds").GetInt32(), rule.GetProperty("clear_margin").GetDouble(), rule.GetProperty("renotify_minutes").GetInt32(), rule.GetProperty("enabled").GetBoolean()));
            Assert.Equal(("cpu.percent", 70.0, 90.0, true, "on-call"), (rule.GetProperty("metric").GetString(), rule.GetProperty("warning").GetDouble(), rule.GetProperty("critical").GetDouble(), rule.GetProperty("built_in").GetBoolean(), rule.GetProperty("updated_by").GetString()));
            var listed = (await (await fixture.Reader.GetAsync("api/v1/observability/rules")).JsonAsync()).GetProperty("rules")[0];
            Assert.Equal(rule.ToString(), listed.ToString());
        }
        finally
        {
            using var reset = await fixture.Operator.PutAsJsonAsync(Cpu, new { });
            Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        }

        var back = (await (await fixture.Reader.GetAsync(Cpu)).JsonAsync()).GetProperty("rule");
        Assert.Equal(("CPU usage", 60, true), (back.GetProperty("name").GetString(), back.GetProperty("duration_seconds").GetInt32(), back.GetProperty("enabled").GetBoolean()));
    }

    [Theory]
    [InlineData("""{"metric": "memory.percent"}""", "metric", "POST /api/v1/observability/rules")]
    [InlineData("""{"scope": {"tags": {"env": "prod"}}}""", "scope", "/thresholds")]
    [InlineData("""{"condition": "below"}""", "condition", "above")]
    [InlineData("""{"warning": 50}""", "warning", "Thresholds__")]
    [InlineData("""{"critical": 99}""", "critical", "/api/v1/observability/thresholds")]
    public async Task ABuiltInRulesMetricScopeConditionAndLevelsAreRefusedPointingAtTheirOwnPlace(string body, string field, string hint)
    {
        using var put = await fixture.Operator.PutAsync(Cpu, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await put.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Contains(hint, problem.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(70, (await (await fixture.Reader.GetAsync(Cpu)).JsonAsync()).GetProperty("rule").GetProperty("warning").GetDouble());
    }

    [Theory]
    [InlineData("builtin-cpu")]
    [InlineData("builtin-memory")]
    [InlineData("builtin-disk")]
    public async Task ABuiltInRuleCannotBeDeleted(string id)
    {
        using var delete = await fixture.Operator.DeleteAsync($"api/v1/observability/rules/{id}");

        var problem = await delete.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("enabled", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Reader.GetAsync($"api/v1/observability/rules/{id}")).StatusCode);
    }

    [Fact]
    public async Task NoMoreThan500RulesCanBeStored()
    {
        var table = new TableServiceClient(fixture.Azurite.ConnectionString).GetTableClient("rules");
        await table.CreateIfNotExistsAsync();
        var existing = (await (await fixture.Reader.GetAsync("api/v1/observability/rules")).JsonAsync()).GetProperty("rules").EnumerateArray().Count(r => !r.GetProperty("built_in").GetBoolean());
        var filler = Enumerable.Range(0, 500 - existing).Select(i => new TableEntity("rule", $"rule-ffff{i:x8}")
        {
            ETag = Azure.ETag.All,
            ["name"] = $"filler {i}", ["metric"] = "cpu.percent", ["scope_host"] = "nobody", ["condition"] = "above", ["critical"] = 99.0,
        }).ToArray();
        foreach (var chunk in filler.Chunk(100))
        {
            await table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)));
        }

        try
        {
            using var post = await fixture.Operator.PostAsJsonAsync("api/v1/observability/rules", new { name = "one too many", metric = "cpu.percent", condition = "above", critical = 99 });

            var problem = await post.ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains("500", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal(503, (await (await fixture.Reader.GetAsync("api/v1/observability/rules")).JsonAsync()).GetProperty("count").GetInt32());
        }
        finally
        {
            foreach (var chunk in filler.Chunk(100))
            {
                await table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Delete, e)));
            }
        }

        using var fits = await fixture.Operator.PostAsJsonAsync("api/v1/observability/rules", new { name = "fits again", metric = "cpu.percent", condition = "above", critical = 99 });
        Assert.Equal(HttpStatusCode.Created, fits.StatusCode);
        await fixture.Operator.DeleteAsync(fits.Headers.Location!.OriginalString.TrimStart('/'));
    }
}
