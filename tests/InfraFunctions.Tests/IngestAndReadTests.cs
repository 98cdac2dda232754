using System.Net;
using System.Text.Json;
using InfraFunctions.Testing;

namespace InfraFunctions.Tests;

public sealed class IngestAndReadTests(LocalHostFixture fixture) : IClassFixture<LocalHostFixture>
{
    private LocalHostServer Server => fixture.Server;

    private async Task<(HttpClient Agent, string HostId)> AgentForAsync(string? hostId = null)
    {
        hostId ??= Http.NewHostId();
        var (_, key) = await Server.CreateAgentAsync(hostId);
        return (Server.ClientWithBearer(key), hostId);
    }

    [Fact]
    public async Task PostedBatchIsReadBackByEveryInfrastructureEndpoint()
    {
        var (agent, host) = await AgentForAsync($"rack/7\\node#3?'\"東京-{Guid.NewGuid():N}");
        var now = DateTimeOffset.UtcNow;
        var batch = Samples.Batch(host, Samples.Times(now.AddSeconds(-1), 3, TimeSpan.FromSeconds(5)), (s, i) =>
        {
            s["cpu"]!["percent"] = 20 + (10 * i); // 20, 30, 40
            s["memory"]!["percent"] = 78.2;
        });

        using var post = await agent.PostAsync("api/v1/ingest/samples", Samples.Gzip(batch));
        var reply = await post.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(3, reply.GetProperty("accepted").GetInt32());
        Assert.Equal(0, reply.GetProperty("rejected").GetArrayLength());
        Assert.Equal(60, reply.GetProperty("next_post_seconds").GetInt32());

        var system = await (await fixture.Reader.GetAsync(Http.Query("api/v1/observability/infrastructure/system", host))).JsonAsync();
        Assert.Equal(40, Samples.Number(system, "cpu", "percent"));
        Assert.Equal(23.43, Samples.Number(system, "memory", "total_gb"));
        Assert.Equal(13.7, Samples.Number(system, "disk", "percent"));
        Assert.Equal(42, Samples.Number(system, "network", "connections"));
        Assert.Equal("/", system.GetProperty("disks")[0].GetProperty("mount").GetString());
        Assert.Equal(host, system.GetProperty("host").GetString());

        var process = await (await fixture.Reader.GetAsync(Http.Query("api/v1/observability/infrastructure/process", host))).JsonAsync();
        Assert.Equal(3, process.GetProperty("count").GetInt32());
        Assert.Equal("dotnet", process.GetProperty("processes")[0].GetProperty("name").GetString());

        var platform = await (await fixture.Reader.GetAsync(Http.Query("api/v1/observability/infrastructure/platform", host))).JsonAsync();
        Assert.Equal("Linux", platform.GetProperty("platform").GetProperty("system").GetString());
        Assert.Equal(".NET 10.0.1", platform.GetProperty("platform").GetProperty("runtime_version").GetString());

        var health = await (await fixture.Reader.GetAsync(Http.Query("api/v1/observability/infrastructure/health", host))).JsonAsync();
        Assert.Equal("success", health.GetProperty("status").GetString());
        var data = health.GetProperty("data");
        Assert.Equal("degraded", data.GetProperty("status").GetString());
        Assert.Equal("Memory usage high: 78.2%", data.GetProperty("warnings")[0].GetString());
        Assert.Equal(95, Samples.Number(data, "thresholds", "disk_critical"));
        // 100 - 40*0.3 - 78.2*0.3 - 13.7*0.2 - 5 = 56.8
        Assert.Equal(56.8, Samples.Number(data, "health_score"));
        Assert.Equal("warning", data.GetProperty("level").GetString());

        var report = await (await fixture.Reader.GetAsync(Http.Query("api/v1/observability/infrastructure/report", host))).JsonAsync();
        Assert.Equal(56.8, Samples.Number(report, "health_score"));
        Assert.Equal(40, Samples.Number(report, "system", "cpu", "percent"));
        Assert.Equal("degraded", report.GetProperty("threshold_check").GetProperty("status").GetString());
        Assert.Equal(812, report.GetProperty("process").GetProperty("pid").GetInt32());
        Assert.Equal(156, report.GetProperty("process").GetProperty("file_descriptors").GetInt32());
        Assert.EndsWith("Z", report.GetProperty("timestamp").GetString(), StringComparison.Ordinal);

        var summary = await (await fixture.Reader.GetAsync(Http.Query("api/v1/observability/infrastructure/summary", host) + "&window=5m")).JsonAsync();
        Assert.Equal(3, summary.GetProperty("sample_count").GetInt32());
        var cpu = summary.GetProperty("metrics").GetProperty("cpu_percent");
        Assert.Equal((30.0, 20.0, 40.0, 40.0), (cpu.GetProperty("avg").GetDouble(), cpu.GetProperty("min").GetDouble(), cpu.GetProperty("max").GetDouble(), cpu.GetProperty("last").GetDouble()));
        Assert.Equal(3, summary.GetProperty("series").GetArrayLength());

        var hosts = await (await fixture.Reader.GetAsync("api/v1/observability/hosts")).JsonAsync();
        var row = hosts.GetProperty("hosts").EnumerateArray().Single(h => h.GetProperty("host_id").GetString() == host);
        Assert.Equal(40, Samples.Number(row, "cpu_percent"));
        // Memory past its warning level makes the host degraded; the score of 56.8 is a warning level of its own.
        Assert.Equal(("degraded", "warning"), (row.GetProperty("status").GetString(), row.GetProperty("level").GetString()));
        Assert.False(row.GetProperty("stale").GetBoolean());
    }

    [Fact]
    public async Task OneBadSampleIsRejectedAloneAndTheGoodOnesAreStored()
    {
        var (agent, host) = await AgentForAsync();
        var batch = Samples.Batch(host, Samples.Times(DateTimeOffset.UtcNow.AddSeconds(-1), 4, TimeSpan.FromSeconds(5)), (s, i) =>
        {
            if (i == 2)
            {
                s["cpu"]!["percent"] = 250;
            }
        });

        using var post = await agent.PostAsync("api/v1/ingest/samples", Samples.Json(batch));
        var reply = await post.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(3, reply.GetProperty("accepted").GetInt32());
        var rejected = Assert.Single(reply.GetProperty("rejected").EnumerateArray());
        Assert.Equal(2, rejected.GetProperty("index").GetInt32());
        Assert.Contains("cpu.percent", rejected.GetProperty("errors")[0].GetString(), StringComparison.Ordinal);
        var summary = await (await fixture.Reader.GetAsync(Http.Query("api/v1/observability/infrastructure/summary", host) + "&window=5m")).JsonAsync();
        Assert.Equal(3, summary.GetProperty("sample_count").GetInt32());
    }

    [Fact]
    public async Task ABatchWithNoValidSampleGetsProblemDetailsListingEachRejection()
    {
        var (agent, host) = await AgentForAsync();
        var batch = Samples.Batch(host, [DateTimeOffset.UtcNow.AddDays(2)]);

        using var post = await agent.PostAsync("api/v1/ingest/samples", Samples.Json(batch));

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Equal("application/problem+json", post.Content.Headers.ContentType!.MediaType);
        var problem = await post.JsonAsync();
        Assert.Contains("ahead of the server clock", problem.GetProperty("rejected")[0].GetProperty("errors")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedJsonSaysWhereItBroke()
    {
        var (agent, _) = await AgentForAsync();

        using var post = await agent.PostAsync("api/v1/ingest/samples", new StringContent("{\"schema_version\": 1,\n \"host_id\": \"x\", \"samples\": [ {,] }"));

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Equal("application/problem+json", post.Content.Headers.ContentType!.MediaType);
        Assert.Contains("line 2", (await post.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARetriedBatchIsStoredOnce()
    {
        var (agent, host) = await AgentForAsync();
        var batch = Samples.Batch(host, Samples.Times(DateTimeOffset.UtcNow.AddSeconds(-1), 6, TimeSpan.FromSeconds(5)));

        for (var i = 0; i < 3; i++)
        {
            using var post = await agent.PostAsync("api/v1/ingest/samples", Samples.Gzip(batch));
            Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        }

        var summary = await (await fixture.Reader.GetAsync(Http.Query("api/v1/observability/infrastructure/summary", host) + "&window=15m")).JsonAsync();
        Assert.Equal(6, summary.GetProperty("sample_count").GetInt32());
    }

    [Fact]
    public async Task SummaryRefusesAnUnknownWindowListingTheAllowedOnes()
    {
        var (agent, host) = await AgentForAsync();
        (await agent.PostAsync("api/v1/ingest/samples", Samples.Json(Samples.Batch(host, [DateTimeOffset.UtcNow])))).EnsureSuccessStatusCode();

        using var response = await fixture.Reader.GetAsync(Http.Query("api/v1/observability/infrastructure/summary", host) + "&window=3w");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("5m, 15m, 1h, 6h, 24h", (await response.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutHostParameterManyHostsGiveABadRequestListingThem()
    {
        var (agentA, a) = await AgentForAsync();
        var (agentB, b) = await AgentForAsync();
        (await agentA.PostAsync("api/v1/ingest/samples", Samples.Json(Samples.Batch(a, [DateTimeOffset.UtcNow])))).EnsureSuccessStatusCode();
        (await agentB.PostAsync("api/v1/ingest/samples", Samples.Json(Samples.Batch(b, [DateTimeOffset.UtcNow])))).EnsureSuccessStatusCode();

        using var response = await fixture.Reader.GetAsync("api/v1/observability/infrastructure/report");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var known = (await response.JsonAsync()).GetProperty("known_hosts").EnumerateArray().Select(e => e.GetString()).ToArray();
        Assert.Contains(a, known);
        Assert.Contains(b, known);
    }

    [Fact]
    public async Task ODataInjectionInHostParameterNeverReturnsAnotherHostsData()
    {
        var (agent, host) = await AgentForAsync();
        (await agent.PostAsync("api/v1/ingest/samples", Samples.Json(Samples.Batch(host, [DateTimeOffset.UtcNow])))).EnsureSuccessStatusCode();

        foreach (var attack in new[] { "x' or PartitionKey ne '", "' or 1 eq 1 or RowKey eq '", $"{host}' or '1' eq '1" })
        {
            using var response = await fixture.Reader.GetAsync(Http.Query("api/v1/observability/infrastructure/system", attack));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("\"cpu\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ARealAgentCaptureIsAcceptedWhole()
    {
        var batch = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(RepoPaths.TestData("agent-once.json")))!.AsObject();
        var (agent, host) = await AgentForAsync();
        batch["host_id"] = host;
        batch["samples"]![0]!["timestamp"] = DateTimeOffset.UtcNow.AddSeconds(-2).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        var processes = batch["samples"]![0]!["processes"]!.AsArray().Count;

        using var post = await agent.PostAsync("api/v1/ingest/samples", Samples.Gzip(batch));
        var reply = await post.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(1, reply.GetProperty("accepted").GetInt32());
        var process = await (await fixture.Reader.GetAsync(Http.Query("api/v1/observability/infrastructure/process", host))).JsonAsync();
        Assert.Equal(processes, process.GetProperty("count").GetInt32());
    }
}
