using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InfraFunctions.Core.Storage;
using InfraFunctions.Core.Tags;

namespace InfraFunctions.Tests.Rules;

/// <summary>The metric catalog and previews, on a LocalHost of their own: the catalog is cached a minute per instance.</summary>
public sealed class RuleMetricsApiTests(RulesApiFixture fixture) : IClassFixture<RulesApiFixture>
{
    private const string Rules = "api/v1/observability/rules";

    [Fact]
    public async Task TheMetricsListIsTheSeriesHostsReportMostReportedFirstAndIsNotTakenForARuleId()
    {
        // Other tests of this class report hosts too: this one's mount and process are its own.
        var (mount, process) = ($"/data-{Guid.NewGuid():N}"[..14], $"nginx-{Guid.NewGuid():N}"[..14]);
        await fixture.ReportAsync("cat-a", dataDisk: 50, mount: mount, process: process);
        await fixture.ReportAsync("cat-b", dataDisk: 60, mount: mount, process: process);
        await fixture.ReportAsync("cat-c", dataDisk: null, nginx: false);

        using var response = await fixture.Reader.GetAsync($"{Rules}/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await response.JsonAsync();
        var metrics = reply.GetProperty("metrics").EnumerateArray().ToArray();
        Assert.Equal(metrics.Length, reply.GetProperty("count").GetInt32());
        var byText = metrics.ToDictionary(m => m.GetProperty("metric").GetString()!);
        var fleet = byText["cpu.percent"].GetProperty("hosts").GetInt32();
        Assert.True(fleet >= 3, $"{fleet} hosts report cpu.percent");
        Assert.Equal(fleet, metrics[0].GetProperty("hosts").GetInt32());
        var data = byText[$"disk.percent{{mount={mount}}}"];
        Assert.Equal(("disk.percent", "Disk usage", "%", 2), (data.GetProperty("family").GetString(), data.GetProperty("title").GetString(), data.GetProperty("unit").GetString(), data.GetProperty("hosts").GetInt32()));
        Assert.Equal(2, byText[$"process.cpu_percent{{name={process}}}"].GetProperty("hosts").GetInt32());
        Assert.Equal(fleet, byText["disk.percent{mount=/}"].GetProperty("hosts").GetInt32());
        Assert.DoesNotContain("process.cpu_percent{name=redis}", byText.Keys);
        Assert.Equal(metrics.Select(m => m.GetProperty("hosts").GetInt32()).OrderDescending(), metrics.Select(m => m.GetProperty("hosts").GetInt32()));

        var families = reply.GetProperty("families").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);
        Assert.Equal(("mount", true), (families["disk.percent"].GetProperty("label").GetString(), families["disk.percent"].GetProperty("label_optional").GetBoolean()));
        Assert.Equal(("name", false), (families["process.cpu_percent"].GetProperty("label").GetString(), families["process.cpu_percent"].GetProperty("label_optional").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, families["cpu.percent"].GetProperty("label").ValueKind);
    }

    [Fact]
    public async Task APreviewListsTheHostsInScopeByTagWithTheirValueAndTheLevelTheyWouldFireAt()
    {
        var (hot, warm, cool, untagged) = (await fixture.ReportAsync("pv-hot", 97), await fixture.ReportAsync("pv-warm", 85), await fixture.ReportAsync("pv-cool", 10), await fixture.ReportAsync("pv-none", 99));
        var noData = await fixture.ReportAsync("pv-nodata", dataDisk: null);
        var tags = new HostTagRepository(new TableStore(new Azure.Data.Tables.TableServiceClient(fixture.Azurite.ConnectionString)));
        var env = new Dictionary<string, string> { ["env"] = Guid.NewGuid().ToString("N")[..12] };
        foreach (var host in new[] { hot, warm, cool, noData })
        {
            await tags.SetAsync(host, TagSource.Operator, env);
        }

        using var response = await fixture.Reader.PostAsJsonAsync($"{Rules}/preview", new { metric = "disk.percent{mount=/data}", scope = new { tags = env }, condition = "above", warning = 80, critical = 95 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await response.JsonAsync();
        Assert.Equal(4, reply.GetProperty("matched").GetInt32());
        var hosts = reply.GetProperty("hosts").EnumerateArray().ToArray();
        Assert.Equal([hot, warm, cool, noData], hosts.Select(h => h.GetProperty("host_id").GetString()));
        Assert.DoesNotContain(hosts, h => h.GetProperty("host_id").GetString() == untagged);
        Assert.Equal((97.0, "critical", false, hot + ".example"), (hosts[0].GetProperty("value").GetDouble(), hosts[0].GetProperty("would_fire").GetString(), hosts[0].GetProperty("stale").GetBoolean(), hosts[0].GetProperty("hostname").GetString()));
        Assert.Equal((85.0, "warning"), (hosts[1].GetProperty("value").GetDouble(), hosts[1].GetProperty("would_fire").GetString()));
        Assert.Equal((10.0, JsonValueKind.Null), (hosts[2].GetProperty("value").GetDouble(), hosts[2].GetProperty("would_fire").ValueKind));
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (hosts[3].GetProperty("value").ValueKind, hosts[3].GetProperty("would_fire").ValueKind));
    }

    [Fact]
    public async Task APreviewOfOneHostOrOfABelowRuleJudgesInTheRulesDirection()
    {
        var host = await fixture.ReportAsync("pv-one", 93);

        using var response = await fixture.Reader.PostAsJsonAsync($"{Rules}/preview", new { name = "free space", metric = "disk.free_gb{mount=/data}", scope = new { host }, condition = "below", warning = 50, critical = 40 });

        var reply = await response.JsonAsync();
        var only = Assert.Single(reply.GetProperty("hosts").EnumerateArray());
        Assert.Equal((host, 35.0, "critical"), (only.GetProperty("host_id").GetString(), only.GetProperty("value").GetDouble(), only.GetProperty("would_fire").GetString()));
        var unknown = await (await fixture.Reader.PostAsJsonAsync($"{Rules}/preview", new { metric = "cpu.percent", scope = new { host = "never-reported" }, condition = "above", warning = 1 })).JsonAsync();
        Assert.Equal(0, unknown.GetProperty("matched").GetInt32());
    }
}
