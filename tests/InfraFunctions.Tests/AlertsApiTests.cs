using System.Net;
using System.Text.Json;
using InfraFunctions.Testing;

namespace InfraFunctions.Tests;

/// <summary>LocalHost on a private Azurite (retention drops tables account-wide), alerts raised at once, a webhook receiver.</summary>
public sealed class AlertsApiFixture : IAsyncLifetime
{
    public AzuriteServer Azurite { get; private set; } = null!;

    public WebhookReceiver Receiver { get; } = new(AzuriteServer.FreePort());

    public LocalHostServer Server { get; private set; } = null!;

    public HttpClient Reader { get; private set; } = null!;

    public HttpClient Operator { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Azurite = await AzuriteServer.StartAsync();
        await Receiver.StartAsync();
        Server = await LocalHostServer.StartAsync(Azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["Alerts:DurationSeconds"] = "0",
            ["Webhooks:GenericUrls"] = Receiver.Url("hook").ToString(),
        });
        Reader = Server.ClientWithBearer(await Server.CreateTokenAsync());
        Operator = Server.ClientWithBearer(await Server.CreateTokenAsync("operator", "on-call"));
    }

    public async Task DisposeAsync()
    {
        Reader.Dispose();
        Operator.Dispose();
        await Server.DisposeAsync();
        await Receiver.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}

public sealed class AlertsApiTests(AlertsApiFixture fixture) : IClassFixture<AlertsApiFixture>
{
    private async Task<string> HostWithCpuAsync(double cpu)
    {
        var host = Http.NewHostId("alert");
        var (_, key) = await fixture.Server.CreateAgentAsync(host);
        using var agent = fixture.Server.ClientWithBearer(key);
        var batch = Samples.Batch(host, Samples.Times(DateTimeOffset.UtcNow.AddSeconds(-1), 2, TimeSpan.FromSeconds(5)), (s, _) => s["cpu"]!["percent"] = cpu);
        using var post = await agent.PostAsync("api/v1/ingest/samples", Samples.Gzip(batch));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        return host;
    }

    [Fact]
    public async Task AlertsRaisedAtIngestAreListedByHostAndStateAndSentToTheWebhook()
    {
        var host = await HostWithCpuAsync(95);

        var open = await (await fixture.Reader.GetAsync($"api/v1/observability/alerts?host={host}&state=open")).JsonAsync();
        var resolved = await (await fixture.Reader.GetAsync($"api/v1/observability/alerts?host={host}&state=resolved&since=2026-01-01T00:00:00Z")).JsonAsync();

        Assert.Equal(2, open.GetProperty("count").GetInt32());
        var severities = open.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("severity").GetString()!).Order().ToArray();
        Assert.Equal(["critical", "warning"], severities);
        var critical = open.GetProperty("alerts").EnumerateArray().Single(a => a.GetProperty("severity").GetString() == "critical");
        Assert.Equal("cpu", critical.GetProperty("metric").GetString());
        Assert.Equal(90, critical.GetProperty("threshold").GetDouble());
        Assert.Equal("CPU usage critical: 95.0%", critical.GetProperty("message").GetString());
        Assert.EndsWith("Z", critical.GetProperty("raised_at").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, resolved.GetProperty("count").GetInt32());
        var hooks = await fixture.Receiver.WaitForAsync(2, TimeSpan.FromSeconds(10));
        Assert.Equal(2, hooks.Count(h => h.Body.GetProperty("host_id").GetString() == host));
    }

    [Fact]
    public async Task AnOperatorAcknowledgesAnAlertAndAReaderMayNot()
    {
        var host = await HostWithCpuAsync(80);
        var list = await (await fixture.Reader.GetAsync($"api/v1/observability/alerts?host={host}")).JsonAsync();
        var id = list.GetProperty("alerts")[0].GetProperty("id").GetString();

        using var byReader = await fixture.Reader.PostAsync($"api/v1/observability/alerts/{id}/acknowledge", null);
        using var byOperator = await fixture.Operator.PostAsync($"api/v1/observability/alerts/{id}/acknowledge", null);
        using var unknown = await fixture.Operator.PostAsync("api/v1/observability/alerts/0638999000000000000-00000000/acknowledge", null);
        using var anonymous = await fixture.Server.Client.GetAsync("api/v1/observability/alerts");

        await byReader.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, byOperator.StatusCode);
        var alert = (await byOperator.JsonAsync()).GetProperty("alert");
        Assert.Equal(id, alert.GetProperty("id").GetString());
        Assert.Equal("on-call", alert.GetProperty("acknowledged_by").GetString());
        Assert.Equal(JsonValueKind.String, alert.GetProperty("acknowledged_at").ValueKind);
        await unknown.ProblemAsync(HttpStatusCode.NotFound);
        await anonymous.ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ABadStateOrSinceIsAProblemNamingTheField()
    {
        using var state = await fixture.Reader.GetAsync("api/v1/observability/alerts?state=closed");
        using var since = await fixture.Reader.GetAsync("api/v1/observability/alerts?since=yesterday");

        await state.ProblemAsync(HttpStatusCode.BadRequest);
        var problem = await since.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("since", out _));
    }

    [Fact]
    public async Task AlertsOfAHostThatNeverReportedAreNotFoundAndOfAQuietHostAnEmptyList()
    {
        var quiet = Http.NewHostId("quiet");
        var (_, key) = await fixture.Server.CreateAgentAsync(quiet);
        using var agent = fixture.Server.ClientWithBearer(key);
        using var posted = await agent.PostAsync("api/v1/ingest/samples", Samples.Json(Samples.Batch(quiet, [DateTimeOffset.UtcNow.AddSeconds(-1)], (s, _) => s["cpu"]!["percent"] = 5)));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);

        using var unknown = await fixture.Reader.GetAsync(Http.Query("api/v1/observability/alerts", Http.NewHostId("never")));
        var list = await (await fixture.Reader.GetAsync(Http.Query("api/v1/observability/alerts", quiet))).JsonAsync();

        Assert.Contains("has reported", (await unknown.ProblemAsync(HttpStatusCode.NotFound)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, list.GetProperty("count").GetInt32());
    }

    [Theory]
    [InlineData("24h", "hourly")]
    [InlineData("30d", "hourly")]
    [InlineData("365d", "daily")]
    [InlineData("6h", "raw")]
    public async Task SummaryReadsTheTierThatFitsTheWindow(string window, string resolution)
    {
        var host = await HostWithCpuAsync(40);

        using var response = await fixture.Reader.GetAsync($"api/v1/observability/infrastructure/summary?host={host}&window={window}");
        var body = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(resolution, body.GetProperty("resolution").GetString());
        Assert.Equal(2, body.GetProperty("sample_count").GetInt32());
        Assert.Equal(40, body.GetProperty("metrics").GetProperty("cpu_percent").GetProperty("avg").GetDouble());
    }

    [Theory]
    [InlineData("AggregateHourly", "Job")]
    [InlineData("AggregateDaily", "WatermarkAfter")]
    [InlineData("DetectStaleHosts", "HostsChecked")]
    [InlineData("RetentionCleanup", "Dropped")]
    [InlineData("NotifyAlerts", "Renotified")]
    public async Task AManualTimerRunRepliesWithItsReport(string function, string property)
    {
        using var request = LocalHostServer.Admin(HttpMethod.Post, $"admin/functions/{function}");
        using var response = await fixture.Server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.True((await response.JsonAsync()).TryGetProperty(property, out _), $"{function} replied without '{property}'.");
    }

    [Fact]
    public async Task AFailedUnitAndACheckDownForAMinuteRaiseAtIngestAndResolveOnceASampleShowsThemCleared()
    {
        var host = Http.NewHostId("service");
        var (_, key) = await fixture.Server.CreateAgentAsync(host);
        using var agent = fixture.Server.ClientWithBearer(key);
        var now = DateTimeOffset.UtcNow;
        // The check has been down since its result of 61 s ago: past Alerts__CheckDownSeconds (60 by default).
        var down = Samples.Batch(host, [now.AddSeconds(-61), now.AddSeconds(-1)], (s, i) =>
        {
            s["systemd_units"] = SampleParts.Part("systemd_units", x => x with { SystemdUnits = [new("nginx.service", "failed", "failed", 2)] });
            s["checks"] = SampleParts.Part("checks", x => x with { Checks = [new("api", "https://api.example.test", false, now.AddSeconds(i == 0 ? -61 : -1), Error: "connection refused")] });
        });
        using (var post = await agent.PostAsync("api/v1/ingest/samples", Samples.Gzip(down)))
        {
            Assert.Equal(2, (await post.JsonAsync()).GetProperty("accepted").GetInt32());
        }

        var open = await (await fixture.Reader.GetAsync($"api/v1/observability/alerts?host={host}&state=open")).JsonAsync();
        var raised = open.GetProperty("alerts").EnumerateArray().ToDictionary(a => a.GetProperty("metric").GetString()!, a => (a.GetProperty("severity").GetString(), a.GetProperty("message").GetString()));
        Assert.Equal(("critical", "Unit nginx.service failed"), raised["systemd_unit:nginx.service"]);
        Assert.Equal(("critical", "Check api (https://api.example.test) down for 60 s: connection refused"), raised["check:api"]);

        var clear = Samples.Batch(host, [now.AddSeconds(1)], (s, _) =>
        {
            s["systemd_units"] = SampleParts.Part("systemd_units", x => x with { SystemdUnits = [] });
            s["checks"] = SampleParts.Part("checks", x => x with { Checks = [new("api", "https://api.example.test", true, now.AddSeconds(1), LatencyMs: 12, StatusCode: 200)] });
        });
        using (var post = await agent.PostAsync("api/v1/ingest/samples", Samples.Gzip(clear)))
        {
            Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        }

        var after = await (await fixture.Reader.GetAsync($"api/v1/observability/alerts?host={host}&state=open")).JsonAsync();
        var resolved = await (await fixture.Reader.GetAsync($"api/v1/observability/alerts?host={host}&state=resolved&since=2026-01-01T00:00:00Z")).JsonAsync();
        Assert.Equal(0, after.GetProperty("alerts").GetArrayLength());
        Assert.Equal(["check:api", "systemd_unit:nginx.service"], resolved.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("metric").GetString()).Order(StringComparer.Ordinal));
    }
}
