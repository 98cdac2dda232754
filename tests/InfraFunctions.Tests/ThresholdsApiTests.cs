using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InfraFunctions.Testing;

namespace InfraFunctions.Tests;

public sealed class ThresholdsApiTests(AlertsApiFixture fixture) : IClassFixture<AlertsApiFixture>
{
    private async Task<(string Host, HttpClient Agent)> ReportingHostAsync(double cpu)
    {
        var host = Http.NewHostId("limits");
        var (_, key) = await fixture.Server.CreateAgentAsync(host);
        var agent = fixture.Server.ClientWithBearer(key);
        await PostCpuAsync(agent, host, cpu);
        return (host, agent);
    }

    private static async Task PostCpuAsync(HttpClient agent, string host, double cpu)
    {
        var batch = Samples.Batch(host, Samples.Times(DateTimeOffset.UtcNow.AddSeconds(-1), 1, TimeSpan.FromSeconds(5)), (s, _) => s["cpu"]!["percent"] = cpu);
        using var post = await agent.PostAsync("api/v1/ingest/samples", Samples.Gzip(batch));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
    }

    private static string Path(string host) => Http.Query("api/v1/observability/thresholds", host);

    [Fact]
    public async Task AnOperatorsOverridesApplyToOneHostsChecksHealthAndAlertsUntilReset()
    {
        var (host, agent) = await ReportingHostAsync(20);
        var (other, otherAgent) = await ReportingHostAsync(60);
        using (agent)
        using (otherAgent)
        {
            using var put = await fixture.Operator.PutAsJsonAsync(Path(host), new { cpu_warning = 40, cpu_critical = 55 });
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            var set = await put.JsonAsync();
            Assert.Equal((40.0, 55.0, 75.0), (set.GetProperty("thresholds").GetProperty("cpu_warning").GetDouble(), set.GetProperty("thresholds").GetProperty("cpu_critical").GetDouble(), set.GetProperty("thresholds").GetProperty("memory_warning").GetDouble()));
            Assert.Equal(70, set.GetProperty("defaults").GetProperty("cpu_warning").GetDouble());
            Assert.Equal(["cpu_critical", "cpu_warning"], set.GetProperty("overrides").EnumerateObject().Select(p => p.Name).Order());
            Assert.Equal("on-call", set.GetProperty("updated_by").GetString());

            await PostCpuAsync(agent, host, 60);

            var health = (await (await fixture.Reader.GetAsync($"api/v1/observability/infrastructure/health?host={host}")).JsonAsync()).GetProperty("data");
            Assert.Equal("critical", health.GetProperty("status").GetString());
            Assert.Equal(["CPU usage critical: 60.0%"], health.GetProperty("critical").EnumerateArray().Select(c => c.GetString()));
            Assert.Equal(55, health.GetProperty("thresholds").GetProperty("cpu_critical").GetDouble());
            var otherHealth = (await (await fixture.Reader.GetAsync($"api/v1/observability/infrastructure/health?host={other}")).JsonAsync()).GetProperty("data");
            Assert.Equal("healthy", otherHealth.GetProperty("status").GetString()); // 60% is fine under the defaults

            var fleet = (await (await fixture.Reader.GetAsync("api/v1/observability/hosts")).JsonAsync()).GetProperty("hosts").EnumerateArray();
            var row = fleet.Single(h => h.GetProperty("host_id").GetString() == host);
            Assert.Equal(health.GetProperty("health_score").GetDouble(), row.GetProperty("health_score").GetDouble());
            Assert.Equal(55, row.GetProperty("thresholds").GetProperty("cpu_critical").GetDouble()); // the fleet view colours by it

            var open = await (await fixture.Reader.GetAsync($"api/v1/observability/alerts?host={host}&state=open")).JsonAsync();
            var critical = Assert.Single(open.GetProperty("alerts").EnumerateArray(), a => a.GetProperty("severity").GetString() == "critical");
            Assert.Equal((55.0, "CPU usage critical: 60.0%"), (critical.GetProperty("threshold").GetDouble(), critical.GetProperty("message").GetString()));
            Assert.Empty((await (await fixture.Reader.GetAsync($"api/v1/observability/alerts?host={other}&state=open")).JsonAsync()).GetProperty("alerts").EnumerateArray());

            using var reset = await fixture.Operator.DeleteAsync(Path(host));
            Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
            var after = await (await fixture.Reader.GetAsync(Path(host))).JsonAsync();
            Assert.Equal(70, after.GetProperty("thresholds").GetProperty("cpu_warning").GetDouble());
            Assert.Empty(after.GetProperty("overrides").EnumerateObject());
            Assert.False(after.TryGetProperty("updated_by", out _));
            await PostCpuAsync(agent, host, 60);
            var healthAfter = (await (await fixture.Reader.GetAsync($"api/v1/observability/infrastructure/health?host={host}")).JsonAsync()).GetProperty("data");
            Assert.Equal("healthy", healthAfter.GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task OnlyOperatorsChangeThresholdsAndInvalidLevelsChangeNothing()
    {
        var (host, agent) = await ReportingHostAsync(20);
        agent.Dispose();

        await (await fixture.Reader.PutAsJsonAsync(Path(host), new { cpu_warning = 50 })).ProblemAsync(HttpStatusCode.Forbidden);
        var above = await (await fixture.Operator.PutAsJsonAsync(Path(host), new { cpu_warning = 95 })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("must be below cpu critical (90)", above.GetProperty("errors").GetProperty("cpu_warning")[0].GetString(), StringComparison.Ordinal);
        var range = await (await fixture.Operator.PutAsJsonAsync(Path(host), new { disk_critical = 120 })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("from 0 to 100", range.GetProperty("errors").GetProperty("disk_critical")[0].GetString(), StringComparison.Ordinal);
        var misspelt = await (await fixture.Operator.PutAsJsonAsync(Path(host), new { cpu_warnign = 50 })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("'cpu_warnign' is not a field of this body", misspelt.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("the fields are cpu_warning, cpu_critical, memory_warning", misspelt.GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var notJson = new StringContent("{cpu_warning: 50", System.Text.Encoding.UTF8, "application/json");
        await (await fixture.Operator.PutAsync(Path(host), notJson)).ProblemAsync(HttpStatusCode.BadRequest);
        await (await fixture.Operator.PutAsJsonAsync(Path("never-reported"), new { cpu_warning = 50 })).ProblemAsync(HttpStatusCode.NotFound);
        await (await fixture.Operator.DeleteAsync(Path("bad host id with spaces\u0001"))).ProblemAsync(HttpStatusCode.BadRequest);

        var unchanged = await (await fixture.Reader.GetAsync(Path(host))).JsonAsync();
        Assert.Empty(unchanged.GetProperty("overrides").EnumerateObject());
        Assert.Equal(70, unchanged.GetProperty("thresholds").GetProperty("cpu_warning").GetDouble());
    }
}
