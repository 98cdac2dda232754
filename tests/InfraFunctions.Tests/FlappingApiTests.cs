using System.Net;
using InfraFunctions.Testing;

namespace InfraFunctions.Tests;

/// <summary>The real worker with alerts raised at once, no dead band, and a track flapping after two transitions.</summary>
public sealed class FlappingApiFixture : IAsyncLifetime
{
    private readonly TablesFixture _tables = new();

    public LocalHostServer Server { get; private set; } = null!;

    public HttpClient Reader { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _tables.InitializeAsync();
        Server = await LocalHostServer.StartAsync(_tables.ConnectionString, new Dictionary<string, string?>
        {
            ["Alerts:DurationSeconds"] = "0",
            ["Alerts:HysteresisPoints"] = "0",
            ["Alerts:FlapTransitions"] = "2",
            ["Alerts:FlapWindowMinutes"] = "10",
        });
        Reader = Server.ClientWithBearer(await Server.CreateTokenAsync());
    }

    public async Task DisposeAsync()
    {
        Reader.Dispose();
        await Server.DisposeAsync();
        await _tables.DisposeAsync();
    }
}

public sealed class FlappingApiTests(FlappingApiFixture fixture) : IClassFixture<FlappingApiFixture>
{
    [Fact]
    public async Task ACpuSwingingAcrossItsLevelsIsListedAsFlappingByTheBuiltInRuleOnceItPassesTheConfiguredTransitions()
    {
        var host = Http.NewHostId("swing");
        var (_, key) = await fixture.Server.CreateAgentAsync(host);
        using var agent = fixture.Server.ClientWithBearer(key);
        double[] cpu = [95, 10, 95, 10, 95];
        var batch = Samples.Batch(host, Samples.Times(DateTimeOffset.UtcNow.AddSeconds(-1), cpu.Length, TimeSpan.FromSeconds(5)), (s, i) => s["cpu"]!["percent"] = cpu[i]);
        using var post = await agent.PostAsync("api/v1/ingest/samples", Samples.Gzip(batch));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);

        var all = (await (await fixture.Reader.GetAsync($"api/v1/observability/alerts?host={host}")).JsonAsync()).GetProperty("alerts").EnumerateArray()
            .Select(a => (Severity: a.GetProperty("severity").GetString(), State: a.GetProperty("state").GetString(), Flapping: a.GetProperty("flapping").GetBoolean(),
                Rule: a.GetProperty("rule_id").GetString(), Metric: a.GetProperty("metric").GetString()))
            .ToArray();

        // Each level raised three times and resolved twice: the third transition (the second raise) started flapping.
        Assert.Equal(6, all.Length);
        Assert.All(all, a => Assert.Equal(("builtin-cpu", "cpu"), (a.Rule, a.Metric)));
        foreach (var severity in new[] { "warning", "critical" })
        {
            var level = all.Where(a => a.Severity == severity).ToArray();
            Assert.Equal([false, true, true], level.Reverse().Select(a => a.Flapping)); // listed newest first
            Assert.Equal("open", level[0].State);
        }
    }
}
