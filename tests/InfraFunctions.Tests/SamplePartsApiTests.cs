using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using InfraFunctions.Contracts;
using InfraFunctions.Testing;

namespace InfraFunctions.Tests;

public sealed class SamplePartsApiTests(LocalHostFixture fixture) : IClassFixture<LocalHostFixture>
{
    private const string Ingest = "api/v1/ingest/samples";

    private async Task<(HttpClient Agent, string HostId)> AgentAsync()
    {
        var hostId = Http.NewHostId("parts");
        var (_, key) = await fixture.Server.CreateAgentAsync(hostId);
        return (fixture.Server.ClientWithBearer(key), hostId);
    }

    private static string Long(int length) => new('a', length);

    public static TheoryData<string, string, string> BadParts() => new()
    {
        { "custom_metrics", """[{"name":"1bad","value":1}]""", "custom_metrics[0].name: '1bad' is not a metric name" },
        { "custom_metrics", """[{"name":"infra_cpu_usage_percent","value":1}]""", "custom_metrics[0].name: 'infra_cpu_usage_percent' is not a metric name" },
        { "custom_metrics", """[{"name":"ok","value":"NaN"}]""", "custom_metrics[0].value: " },
        { "custom_metrics", """[{"name":"ok","value":1,"type":"gaugey"}]""", "custom_metrics[0].type: 'gaugey' is not a Prometheus type" },
        { "custom_metrics", """[{"name":"ok","value":1,"labels":{"__name":"x"}}]""", "custom_metrics[0].labels: '__name' is not a label name" },
        { "custom_metrics", "[{\"name\":\"ok\",\"value\":1,\"labels\":{\"path\":\"" + Long(257) + "\"}}]", "custom_metrics[0].labels.path: is 257 characters long; the limit is 256." },
        { "custom_metrics", "[{\"name\":\"ok\",\"value\":1,\"labels\":{" + string.Join(",", Enumerable.Range(0, 17).Select(i => $"\"l{i}\":\"v\"")) + "}}]", "custom_metrics[0].labels: has 17 labels; the limit is 16." },
        { "custom_metrics", $"[{string.Join(",", Enumerable.Range(0, 1001).Select(i => $$"""{"name":"s{{i}}","value":1}"""))}]", "custom_metrics: has 1001 items; the limit is 1000." },
        { "temperatures", """[{"sensor":"cpu","celsius":1000}]""", "temperatures[0].celsius: must be between -100 and 300 °C (got 1000)." },
        { "temperatures", $$"""[{"sensor":"{{Long(257)}}","celsius":40}]""", "temperatures[0].sensor: is 257 bytes long in UTF-8; the limit is 256 bytes." },
        { "temperatures", """[{"sensor":"cpu","celsius":40,"critical_celsius":-300}]""", "temperatures[0].critical_celsius: must be between" },
        { "systemd_units", """[{"name":"a.service","active_state":"failed","sub_state":"failed","restarts":-1}]""", "systemd_units[0].restarts: must be at least 0 (got -1)." },
        { "systemd_units", $$"""[{"name":"a.service","active_state":"{{Long(33)}}","sub_state":"dead"}]""", "systemd_units[0].active_state: is 33 bytes long" },
        { "systemd_units", $$"""[{"name":"{{Long(257)}}","active_state":"failed","sub_state":"dead"}]""", "systemd_units[0].name: is 257 bytes long" },
        { "checks", """[{"name":"api","target":"https://x","up":true,"checked_at":"2026-11-27T10:00:00Z","status_code":700}]""", "checks[0].status_code: must be an HTTP status from 100 to 599 (got 700)." },
        { "checks", """[{"name":"api","target":"https://x","up":true,"checked_at":"2026-11-27T10:00:00Z","latency_ms":-1}]""", "checks[0].latency_ms: must be a finite number of at least 0 (got -1)." },
        { "checks", $$"""[{"name":"api","target":"https://x","up":false,"checked_at":"2026-11-27T10:00:00Z","error":"{{Long(1025)}}"}]""", "checks[0].error: is 1025 bytes long" },
        { "checks", $$"""[{"name":"{{Long(1025)}}","target":"https://x","up":true,"checked_at":"2026-11-27T10:00:00Z"}]""", "checks[0].name: is 1025 bytes long" },
        { "collector_errors", $"[{string.Join(",", Enumerable.Range(0, 65).Select(_ => """{"collector":"textfile","message":"m"}"""))}]", "collector_errors: has 65 items; the limit is 64." },
        { "collector_errors", $$"""[{"collector":"textfile","message":"{{Long(1025)}}"}]""", "collector_errors[0].message: is 1025 bytes long" },
        { "dropped_custom_metrics", "-1", "dropped_custom_metrics: must be at least 0 (got -1)." },
    };

    [Theory]
    [MemberData(nameof(BadParts))]
    public async Task ABadPartRefusesOnlyItsSampleNamingTheField(string property, string json, string expected)
    {
        var (agent, host) = await AgentAsync();
        var batch = Samples.Batch(host, Samples.Times(DateTimeOffset.UtcNow.AddSeconds(-1), 2, TimeSpan.FromSeconds(5)), (s, i) =>
        {
            if (i == 1)
            {
                s[property] = JsonNode.Parse(json);
            }
        });

        using var post = await agent.PostAsync(Ingest, Samples.Gzip(batch));
        var reply = await post.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(1, reply.GetProperty("accepted").GetInt32());
        var rejected = Assert.Single(reply.GetProperty("rejected").EnumerateArray());
        Assert.Equal(1, rejected.GetProperty("index").GetInt32());
        Assert.StartsWith(expected, Assert.Single(rejected.GetProperty("errors").EnumerateArray()).GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSystemReadShowsTheLatestSamplesPartsAndEmptyListsWhereItHasNone()
    {
        var (agent, host) = await AgentAsync();
        var now = DateTimeOffset.UtcNow;
        var batch = Samples.Batch(host, [now.AddSeconds(-10), now.AddSeconds(-1)], (s, i) =>
        {
            if (i == 1)
            {
                s["temperatures"] = SampleParts.Part("temperatures", x => x with { Temperatures = [new("coretemp/Package id 0", 52.5, 100)] });
                s["systemd_units"] = SampleParts.Part("systemd_units", x => x with { SystemdUnits = [new("nginx.service", "failed", "failed", 3)] });
                s["checks"] = SampleParts.Part("checks", x => x with { Checks = [new("api", "https://x", false, now, Error: "connection refused")] });
                s["custom_metrics"] = SampleParts.Part("custom_metrics", x => x with { CustomMetrics = SampleParts.Custom(3) });
                s["collector_errors"] = SampleParts.Part("collector_errors", x => x with { CollectorErrors = [new("textfile", "app.prom line 3: no value")] });
                s["dropped_custom_metrics"] = 2;
            }
        });
        using var post = await agent.PostAsync(Ingest, Samples.Gzip(batch));
        Assert.Equal(2, (await post.JsonAsync()).GetProperty("accepted").GetInt32());

        var system = await (await fixture.Reader.GetAsync(Http.Query("api/v1/observability/infrastructure/system", host))).JsonAsync();

        Assert.Equal(52.5, Samples.Number(system.GetProperty("temperatures")[0], "celsius"));
        Assert.Equal(("nginx.service", 3), (system.GetProperty("systemd_units")[0].GetProperty("name").GetString(), system.GetProperty("systemd_units")[0].GetProperty("restarts").GetInt32()));
        Assert.Equal("connection refused", system.GetProperty("checks")[0].GetProperty("error").GetString());
        Assert.Equal(3, system.GetProperty("custom_metrics").GetArrayLength());
        Assert.Equal("/api/v2", system.GetProperty("custom_metrics")[2].GetProperty("labels").GetProperty("path").GetString());
        Assert.Equal("app.prom line 3: no value", system.GetProperty("collector_errors")[0].GetProperty("message").GetString());
        Assert.Equal(2, system.GetProperty("dropped_custom_metrics").GetInt32());

        var (other, bare) = await AgentAsync();
        using var plain = await other.PostAsync(Ingest, Samples.Gzip(Samples.Batch(bare, [now.AddSeconds(-1)])));
        var none = await (await fixture.Reader.GetAsync(Http.Query("api/v1/observability/infrastructure/system", bare))).JsonAsync();
        foreach (var part in new[] { "temperatures", "systemd_units", "checks", "custom_metrics", "collector_errors" })
        {
            Assert.Equal(JsonValueKind.Array, none.GetProperty(part).ValueKind);
            Assert.Equal(0, none.GetProperty(part).GetArrayLength());
        }

        Assert.Equal(0, none.GetProperty("dropped_custom_metrics").GetInt32());
    }
}
