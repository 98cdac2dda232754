using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using InfraFunctions.Core.Aggregation;
using InfraFunctions.Core.Storage;
using InfraFunctions.Testing;

namespace InfraFunctions.Tests;

/// <summary>
/// LocalHost with Azure Monitor pointed at a loopback TLS server through app settings only, its user-assigned managed
/// identity served by a loopback identity endpoint, and a second LocalHost with Monitor unset.
/// </summary>
public sealed class ObservabilityFixture : IAsyncLifetime
{
    public const string Workspace = "7a1c2e0b-0000-4000-8000-000000000002";
    public const string ResourceId = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Web/sites/infra-func";
    public const string IdentityClientId = "5d3b8f0e-0000-4000-8000-000000000003";

    private readonly TablesFixture _tables = new();

    public MonitorApiServer Monitor { get; private set; } = null!;

    public ManagedIdentityServer Identity { get; private set; } = null!;

    public LocalHostServer Server { get; private set; } = null!;

    public LocalHostServer Unconfigured { get; private set; } = null!;

    public HttpClient Reader { get; private set; } = null!;

    /// <summary>The rollup tables the app reads, on the same Azurite.</summary>
    public RollupRepository Rollups { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _tables.InitializeAsync();
        Monitor = await MonitorApiServer.StartAsync();
        Identity = await ManagedIdentityServer.StartAsync(IdentityClientId);
        var settings = new Dictionary<string, string?>
        {
            ["Monitor:WorkspaceId"] = Workspace,
            ["Monitor:FunctionAppResourceId"] = ResourceId,
            ["Monitor:ClientId"] = IdentityClientId,
        };
        foreach (var (key, value) in Monitor.AppSettings().Concat(Identity.AppSettings))
        {
            settings[key] = value;
        }

        Server = await LocalHostServer.StartAsync(_tables.ConnectionString, settings);
        Unconfigured = await LocalHostServer.StartAsync(_tables.ConnectionString);
        Reader = Server.ClientWithBearer(await Server.CreateTokenAsync());
        Rollups = new RollupRepository(new TableStore(new TableServiceClient(_tables.ConnectionString)));
    }

    public async Task<string> HostAsync(Func<int, double> cpu, int minutes, double disk = 50)
    {
        var host = Http.NewHostId("obs");
        var (_, key) = await Server.CreateAgentAsync(host);
        using var agent = Server.ClientWithBearer(key);
        var times = Samples.Times(DateTimeOffset.UtcNow.AddSeconds(-5), minutes, TimeSpan.FromMinutes(1)).ToArray();
        for (var start = 0; start < times.Length; start += 60)
        {
            var batch = Samples.Batch(host, times.Skip(start).Take(60), (s, i) =>
            {
                s["cpu"]!["percent"] = cpu(start + i);
                s["disk"] = new JsonObject { ["total_gb"] = 100, ["used_gb"] = disk, ["free_gb"] = 100 - disk, ["percent"] = disk };
            });
            using var post = await agent.PostAsync("api/v1/ingest/samples", Samples.Gzip(batch));
            Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        }

        return host;
    }

    public async Task DisposeAsync()
    {
        Reader.Dispose();
        await Server.DisposeAsync();
        await Unconfigured.DisposeAsync();
        await Monitor.DisposeAsync();
        await Identity.DisposeAsync();
        await _tables.DisposeAsync();
    }
}

public sealed partial class ObservabilityApiTests(ObservabilityFixture fixture) : IClassFixture<ObservabilityFixture>
{
    [Fact]
    public async Task AnInjectedCpuSpikeInIngestedSamplesIsReportedWithExpectedValueScoreDirectionAndSeverity()
    {
        // Minute 150 of 180 is the spike; samples come out oldest first.
        var host = await fixture.HostAsync(i => i == 150 ? 92 : 20 + (i % 3), 180);

        var body = await (await fixture.Reader.GetAsync($"api/v1/observability/anomalies?host={host}&window=1h&metric=cpu")).JsonAsync();

        Assert.Equal(("1h", "medium", "rolling_median"), (body.GetProperty("window").GetString(), body.GetProperty("sensitivity").GetString(), body.GetProperty("baselines").GetProperty("cpu").GetString()));
        var anomaly = Assert.Single(body.GetProperty("anomalies").EnumerateArray());
        Assert.Equal(("cpu", "up", "spike", "critical"), (anomaly.GetProperty("metric").GetString(), anomaly.GetProperty("direction").GetString(), anomaly.GetProperty("kind").GetString(), anomaly.GetProperty("severity").GetString()));
        Assert.Equal(92, anomaly.GetProperty("value").GetDouble());
        Assert.InRange(anomaly.GetProperty("expected").GetDouble(), 19, 23);
        Assert.True(anomaly.GetProperty("score").GetDouble() > 7);
        Assert.EndsWith("Z", anomaly.GetProperty("timestamp").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADiskFillingTwoPointsADayRaisesOneDiskForecastWarningAlert()
    {
        var host = await fixture.HostAsync(_ => 20, 3, disk: 74);
        var rollups = fixture.Rollups;
        var now = DateTimeOffset.UtcNow;
        for (var h = 7 * 24; h >= 1; h--)
        {
            var start = RollupTier.Hourly.Floor(now.AddHours(-h));
            var disk = 74 - (2.0 * h / 24);
            var metrics = Rollup.MetricNames.ToDictionary(m => m, m => MetricRollup.Of(m == "disk" ? [disk] : [20.0]));
            await rollups.WriteAsync(RollupTier.Hourly, new Rollup(host, start, metrics, new Dictionary<string, IReadOnlyDictionary<string, MetricRollup>>()));
        }

        // Reading the projection raises nothing; the ForecastDisks timer does, once however often it runs.
        var before = await (await fixture.Reader.GetAsync($"api/v1/observability/anomalies?host={host}")).JsonAsync();
        Assert.True(before.GetProperty("disk_forecast").GetProperty("warning").GetBoolean());
        Assert.False(before.TryGetProperty("forecast_alert_id", out _));
        var firstRun = await RunForecastDisksAsync();
        var secondRun = await RunForecastDisksAsync();
        var first = await (await fixture.Reader.GetAsync($"api/v1/observability/anomalies?host={host}")).JsonAsync();
        var second = await (await fixture.Reader.GetAsync($"api/v1/observability/anomalies?host={host}")).JsonAsync();

        Assert.Contains(host, firstRun.GetProperty("Raised").EnumerateArray().Select(h => h.GetString()));
        Assert.DoesNotContain(host, secondRun.GetProperty("Raised").EnumerateArray().Select(h => h.GetString()));
        var forecast = first.GetProperty("disk_forecast");
        Assert.True(forecast.GetProperty("warning").GetBoolean());
        Assert.InRange(forecast.GetProperty("days_to_full").GetDouble(), 12, 14);
        Assert.StartsWith("disk / full in ", forecast.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("seasonal", first.GetProperty("baselines").GetProperty("cpu").GetString());
        var alertId = first.GetProperty("forecast_alert_id").GetString();
        Assert.Equal(alertId, second.GetProperty("forecast_alert_id").GetString());
        var open = await (await fixture.Reader.GetAsync($"api/v1/observability/alerts?host={host}&state=open")).JsonAsync();
        var alert = Assert.Single(open.GetProperty("alerts").EnumerateArray(), a => a.GetProperty("metric").GetString() == "disk_forecast");
        Assert.Equal((alertId, "warning", 14.0), (alert.GetProperty("id").GetString(), alert.GetProperty("severity").GetString(), alert.GetProperty("threshold").GetDouble()));
    }

    private async Task<JsonElement> RunForecastDisksAsync()
    {
        using var run = await fixture.Server.Client.SendAsync(LocalHostServer.Admin(HttpMethod.Post, "admin/functions/ForecastDisks"));
        Assert.Equal(HttpStatusCode.Accepted, run.StatusCode);
        return await run.JsonAsync();
    }

    [Fact]
    public async Task AnomalyQueriesWithUnknownWindowMetricOrSensitivityAreProblems()
    {
        var problem = await (await fixture.Reader.GetAsync("api/v1/observability/anomalies?window=9d&metric=gpu&sensitivity=extreme")).ProblemAsync(HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("window", out _) && errors.TryGetProperty("metric", out _) && errors.TryGetProperty("sensitivity", out _));
        var week = await (await fixture.Reader.GetAsync("api/v1/observability/anomalies?window=7d")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("24h", week.GetProperty("errors").GetProperty("window")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TracesWithoutAWorkspaceAnswer503NamingTheSetting()
    {
        using var reader = fixture.Unconfigured.ClientWithBearer(await fixture.Unconfigured.CreateTokenAsync());

        var problem = await (await reader.GetAsync("api/v1/observability/traces")).ProblemAsync(HttpStatusCode.ServiceUnavailable);

        Assert.Contains("Monitor__WorkspaceId", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TracesComeFromTheWorkspaceGroupedByOperationWithThePartialErrorAsAWarning()
    {
        fixture.Monitor.Script.Enqueue(new MonitorAnswer(200, """
            {"tables":[{"name":"PrimaryResult","columns":[{"name":"TimeGenerated","type":"datetime"},{"name":"SourceTable","type":"string"},{"name":"OperationId","type":"string"},{"name":"Id","type":"string"},{"name":"ParentId","type":"string"},{"name":"Name","type":"string"},{"name":"OperationName","type":"string"},{"name":"Target","type":"string"},{"name":"DependencyType","type":"string"},{"name":"DurationMs","type":"real"},{"name":"Success","type":"bool"},{"name":"ResultCode","type":"string"}],
            "rows":[["2026-11-27T10:00:00Z","AppRequests","op-9","r","op-9","Hosts","Hosts",null,null,80,false,"500"],["2026-11-27T10:00:00.010Z","AppDependencies","op-9","d","r","hosts","Hosts","acct.table.core.windows.net","Azure table",70,false,"503"]]}],
            "error":{"code":"PartialError","message":"There were some errors when processing your query.","details":[{"code":"EngineError","message":"Partial query failure"}]}}
            """));

        var body = await (await fixture.Reader.GetAsync("api/v1/observability/traces?window=6h&operation=Hosts&status=failure")).JsonAsync();

        var request = fixture.Monitor.Requests.Last(r => r.Path.EndsWith("/query", StringComparison.Ordinal));
        Assert.Equal($"/v1/workspaces/{ObservabilityFixture.Workspace}/query", request.Path);
        using var sent = JsonDocument.Parse(request.Body);
        Assert.Equal("PT6H", sent.RootElement.GetProperty("timespan").GetString());
        Assert.Contains("| where Success == false", sent.RootElement.GetProperty("query").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("PartialError: There were some errors", body.GetProperty("warning").GetString(), StringComparison.Ordinal);
        var trace = Assert.Single(body.GetProperty("traces").EnumerateArray());
        Assert.Equal(("op-9", false, "500", 2), (trace.GetProperty("operation_id").GetString(), trace.GetProperty("success").GetBoolean(), trace.GetProperty("result_code").GetString(), trace.GetProperty("span_count").GetInt32()));
        Assert.Equal(70, trace.GetProperty("spans")[1].GetProperty("duration_ms").GetDouble());
    }

    [Fact]
    public async Task ThrottledTraceQueriesAnswer503WithRetryAfterAndBadOperationsAreRefused()
    {
        // The app retries twice, after the Retry-After each answer asks for; the last answer's reaches the caller.
        const string throttled = """{"error":{"code":"TooManyRequests","message":"Rate limit."}}""";
        fixture.Monitor.Script.Enqueue(new MonitorAnswer(429, throttled, new Dictionary<string, string> { ["Retry-After"] = "1" }));
        fixture.Monitor.Script.Enqueue(new MonitorAnswer(429, throttled, new Dictionary<string, string> { ["Retry-After"] = "1" }));
        fixture.Monitor.Script.Enqueue(new MonitorAnswer(429, throttled, new Dictionary<string, string> { ["Retry-After"] = "9" }));

        using var response = await fixture.Reader.GetAsync("api/v1/observability/traces");
        await response.ProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal(TimeSpan.FromSeconds(9), response.Headers.RetryAfter?.Delta);
        await (await fixture.Reader.GetAsync("api/v1/observability/traces?operation=x'%20or%201==1")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task MetricsReportOurServiceLevelFiguresAndThePlatformMetrics()
    {
        await fixture.HostAsync(_ => 95, 2);
        fixture.Monitor.ScriptFor("/metrics").Enqueue(new MonitorAnswer(200, """
            {"value":[{"name":{"value":"OnDemandFunctionExecutionCount"},"unit":"Count","timeseries":[{"data":[{"timeStamp":"2026-11-27T10:00:00Z","total":40},{"timeStamp":"2026-11-27T10:01:00Z","total":2}]}]},
            {"name":{"value":"Http5xx"},"unit":"Count","timeseries":[{"data":[{"timeStamp":"2026-11-27T10:00:00Z","total":1}]}]},
            {"name":{"value":"HttpResponseTime"},"unit":"Seconds","timeseries":[{"data":[{"timeStamp":"2026-11-27T10:00:00Z","average":0.2},{"timeStamp":"2026-11-27T10:01:00Z","average":0.4}]}]}]}
            """));

        var body = await (await fixture.Reader.GetAsync("api/v1/observability/metrics?window=1h")).JsonAsync();

        var service = body.GetProperty("service");
        Assert.True(service.GetProperty("accepted_samples").GetInt64() >= 2);
        Assert.True(service.GetProperty("active_hosts").GetInt32() >= 1);
        Assert.True(service.GetProperty("open_alerts_by_severity").GetProperty("critical").GetInt32() >= 1);
        Assert.True(service.GetProperty("table_write_latency_ms").GetProperty("p95").GetDouble() > 0);
        Assert.True(service.GetProperty("ingest_rate_posts_per_minute").GetDouble() > 0);
        var platform = body.GetProperty("platform").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Equal(42, platform["OnDemandFunctionExecutionCount"].GetProperty("total").GetDouble());
        Assert.Equal(0.3, platform["HttpResponseTime"].GetProperty("average").GetDouble(), 6);
        var request = fixture.Monitor.Requests.Last(r => r.Path.EndsWith("/metrics", StringComparison.Ordinal));
        Assert.Equal(ObservabilityFixture.ResourceId + "/providers/Microsoft.Insights/metrics", request.Path);
        Assert.Contains("api-version=2023-10-01", request.Query, StringComparison.Ordinal);
        Assert.Equal("Bearer test-token-for https://management.azure.com/.default", request.Authorization);
    }

    [Fact]
    public async Task TheAppsUserAssignedIdentityIsAskedForTokensForTheLogAnalyticsAndManagementAudiences()
    {
        await (await fixture.Reader.GetAsync("api/v1/observability/traces")).JsonAsync();
        await (await fixture.Reader.GetAsync("api/v1/observability/metrics")).JsonAsync();

        var requests = fixture.Identity.Requests.ToArray();
        Assert.All(requests, r => Assert.Equal((ObservabilityFixture.IdentityClientId, (string?)null), (r.ClientId, r.Refused)));
        Assert.Equal(["https://api.loganalytics.io", "https://management.azure.com"], requests.Select(r => r.Resource).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task MetricsWorkLocallyWithoutThePlatformPart()
    {
        using var reader = fixture.Unconfigured.ClientWithBearer(await fixture.Unconfigured.CreateTokenAsync());

        var body = await (await reader.GetAsync("api/v1/observability/metrics")).JsonAsync();
        using var week = await reader.GetAsync("api/v1/observability/metrics?window=7d");
        Assert.Equal(HttpStatusCode.OK, week.StatusCode);

        Assert.False(body.TryGetProperty("platform", out _));
        Assert.Contains("Monitor__FunctionAppResourceId", body.GetProperty("platform_note").GetString(), StringComparison.Ordinal);
        Assert.True(body.GetProperty("service").GetProperty("total_hosts").GetInt32() >= 0);
    }

    [Fact]
    public async Task ThePrometheusExportNeedsAReaderTokenAndParsesStrictlyWithTheHostsLatestValues()
    {
        var host = await fixture.HostAsync(_ => 37.5, 1);
        await (await fixture.Server.Client.GetAsync("api/v1/observability/metrics/prometheus")).ProblemAsync(HttpStatusCode.Unauthorized);

        using var response = await fixture.Reader.GetAsync("api/v1/observability/metrics/prometheus");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var (samples, _) = PrometheusTextParser.Parse(text);
        Assert.Equal(37.5, samples.Single(s => s.Name == "infra_cpu_usage_percent" && s.Labels["host"] == host).Value);
        Assert.Equal(1, samples.Single(s => s.Name == "infra_up" && s.Labels["host"] == host).Value);
    }

    [Fact]
    public async Task ComponentHealthReportsEachDependencyTheCircuitsAndCountersWithAWorstOfOverall()
    {
        var body = await (await fixture.Reader.GetAsync("api/v1/observability/health/components")).JsonAsync();

        var components = body.GetProperty("components").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.False(body.GetProperty("components")[2].TryGetProperty("last_error", out var error), error.ToString());
        Assert.Equal(["table_storage", "signalr", "log_analytics", "webhooks", "agent_fleet"], components.Keys);
        Assert.Equal(("healthy", "not_configured", "healthy", "not_configured"), (components["table_storage"], components["signalr"], components["log_analytics"], components["webhooks"]));
        Assert.True(body.GetProperty("overall").GetString() is "healthy" or "degraded" or "unhealthy");
        Assert.Equal("closed", body.GetProperty("clients")[0].GetProperty("circuit").GetString());
        Assert.True(body.GetProperty("counters").TryGetProperty("ingest_throttled_posts", out _));
        Assert.All(body.GetProperty("components").EnumerateArray(), c => Assert.True(c.GetProperty("latency_ms").GetDouble() >= 0));
    }
}
