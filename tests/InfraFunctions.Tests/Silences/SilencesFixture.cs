using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using InfraFunctions.Core.Alerts;
using InfraFunctions.Core.Storage;
using InfraFunctions.Core.Tags;
using InfraFunctions.Testing;

namespace InfraFunctions.Tests.Silences;

/// <summary>
/// LocalHost with alerts raised at once and sent to a loopback Slack receiver; the NotifyAlerts timer runs only when a
/// test triggers it. Silences live in a table every worker on the Azurite reads, so tests silence only their own hosts.
/// </summary>
public sealed class SilencesFixture : IAsyncLifetime
{
    private const string Never = "0 0 0 1 1 *";
    private readonly TablesFixture _tables = new();

    public WebhookReceiver Slack { get; } = new(AzuriteServer.FreePort());

    public LocalHostServer Server { get; private set; } = null!;

    public HttpClient Reader { get; private set; } = null!;

    public HttpClient Operator { get; private set; } = null!;

    public AlertRepository Alerts { get; private set; } = null!;

    public HostTagRepository Tags { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _tables.InitializeAsync();
        await Slack.StartAsync();
        Server = await LocalHostServer.StartAsync(_tables.ConnectionString, new Dictionary<string, string?>
        {
            ["Alerts:DurationSeconds"] = "0",
            ["Webhooks:SlackUrls"] = Slack.Url("slack").ToString(),
            ["ALERT_NOTIFY_SCHEDULE"] = Never,
            ["STALE_HOSTS_SCHEDULE"] = Never,
        });
        Reader = Server.ClientWithBearer(await Server.CreateTokenAsync());
        Operator = Server.ClientWithBearer(await Server.CreateTokenAsync("operator", "on-call"));
        var store = new TableStore(new TableServiceClient(_tables.ConnectionString));
        Alerts = new AlertRepository(store);
        Tags = new HostTagRepository(store);
    }

    /// <summary>A host that has reported once, with CPU at <paramref name="cpu"/> (95 raises a warning and a critical alert).</summary>
    public async Task<string> HostAsync(string prefix, double cpu)
    {
        var host = Http.NewHostId(prefix);
        var (_, key) = await Server.CreateAgentAsync(host);
        using var agent = Server.ClientWithBearer(key);
        var batch = Samples.Batch(host, [DateTimeOffset.UtcNow.AddSeconds(-1)], (s, _) => s["cpu"]!["percent"] = cpu);
        using var post = await agent.PostAsync("api/v1/ingest/samples", Samples.Gzip(batch));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        return host;
    }

    public async Task<JsonElement> CreateSilenceAsync(object body)
    {
        using var response = await Operator.PostAsync("api/v1/observability/silences", Samples.Json(JsonSerializer.SerializeToNode(body)!));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("silence");
    }

    /// <summary>Runs the NotifyAlerts timer now, as the schedule would, and returns its report.</summary>
    public async Task<JsonElement> RunNotifySweepAsync()
    {
        using var request = LocalHostServer.Admin(HttpMethod.Post, "admin/functions/NotifyAlerts", new { input = "" });
        using var response = await Server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await response.JsonAsync();
    }

    /// <summary>The Slack messages received about <paramref name="host"/>.</summary>
    public string[] SlackTextsFor(string host) =>
        [.. Slack.Received.Select(h => h.Body.GetProperty("text").GetString()!).Where(t => t.Contains(host, StringComparison.Ordinal))];

    public async Task DisposeAsync()
    {
        Reader.Dispose();
        Operator.Dispose();
        await Server.DisposeAsync();
        await Slack.DisposeAsync();
        await _tables.DisposeAsync();
    }
}
