using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using InfraFunctions.Core.Aggregation;
using InfraFunctions.Core.Storage;
using InfraFunctions.Testing;

namespace InfraFunctions.Tests;

// Owns its Azurite and a webhook receiver, and moves every timer a year away, so nothing but the sweep can write.
public sealed class ReadsHaveNoSideEffectsTests : IAsyncLifetime
{
    private const string Never = "0 0 0 1 1 *";
    private AzuriteServer _azurite = null!;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteServer.StartAsync();
        await Hooks.StartAsync();
    }

    private WebhookReceiver Hooks { get; } = new(AzuriteServer.FreePort());

    public async Task DisposeAsync()
    {
        await Hooks.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task ASweepOfEveryGetRouteWithAReaderAndARealHostLeavesEveryTableAsItWasAndSendsNoWebhook()
    {
        await using var server = await LocalHostServer.StartAsync(_azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["Alerts:DurationSeconds"] = "0",
            ["Webhooks:GenericUrls"] = Hooks.Url("hook").ToString(),
            ["RETENTION_SCHEDULE"] = Never,
            ["AGGREGATION_HOURLY_SCHEDULE"] = Never,
            ["AGGREGATION_DAILY_SCHEDULE"] = Never,
            ["STALE_HOSTS_SCHEDULE"] = Never,
            ["DISK_FORECAST_SCHEDULE"] = Never,
            ["WEBHOOK_REDELIVERY_SCHEDULE"] = Never,
            ["ALERT_NOTIFY_SCHEDULE"] = Never,
        });
        using var reader = server.ClientWithBearer(await server.CreateTokenAsync());
        var (host, agentKey) = await HostWithEverythingToReadAsync(server);
        using var agent = server.ClientWithBearer(agentKey);
        var before = await SettledSnapshotAsync();
        var hooksBefore = Hooks.Received.Count;

        var answers = new List<string>();
        foreach (var route in SweptRoute.All().Where(r => r.Method == "GET"))
        {
            foreach (var query in new[] { $"?host={Uri.EscapeDataString(host)}", $"?host={Uri.EscapeDataString(host)}&window=7d&state=open" })
            {
                using var request = route.Request(query);
                if (route.IsAdmin)
                {
                    request.Headers.Add("x-functions-key", LocalHostServer.MasterKey);
                }

                using var response = await (route.TakesAgentKey ? agent : reader).SendAsync(request);
                answers.Add($"{route}: {(int)response.StatusCode}");
            }
        }

        var after = await SnapshotAsync();
        Assert.True(answers.Count >= 30, string.Join("\n", answers));
        Assert.DoesNotContain(answers, a => a.EndsWith(": 401", StringComparison.Ordinal) || a.EndsWith(": 500", StringComparison.Ordinal));
        Assert.Contains(answers, a => a.StartsWith("GET /api/v1/observability/anomalies", StringComparison.Ordinal) && a.EndsWith(": 200", StringComparison.Ordinal));
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        Assert.All(before, table => Assert.Equal(table.Value, after[table.Key]));
        Assert.Equal(hooksBefore, Hooks.Received.Count);
    }

    /// <summary>
    /// A host with a critical alert (delivered to the webhook), per-host thresholds and a week of hourly rollups of a
    /// disk filling 2 points a day, which the anomalies read projects full within 14 days.
    /// </summary>
    private async Task<(string Host, string AgentKey)> HostWithEverythingToReadAsync(LocalHostServer server)
    {
        var host = Http.NewHostId("sweep");
        var (_, key) = await server.CreateAgentAsync(host);
        using var agent = server.ClientWithBearer(key);
        var batch = Samples.Batch(host, Samples.Times(DateTimeOffset.UtcNow.AddSeconds(-5), 3, TimeSpan.FromMinutes(1)), (s, _) =>
        {
            s["cpu"]!["percent"] = 97;
            s["disk"] = new JsonObject { ["total_gb"] = 100, ["used_gb"] = 74, ["free_gb"] = 26, ["percent"] = 74 };
        });
        (await agent.PostAsync("api/v1/ingest/samples", Samples.Gzip(batch))).EnsureSuccessStatusCode();
        using var operatorClient = server.ClientWithBearer(await server.CreateTokenAsync("operator", "on-call"));
        (await operatorClient.PutAsync(Http.Query("api/v1/observability/thresholds", host), Samples.Json(JsonNode.Parse("""{"memory_warning": 60}""")!))).EnsureSuccessStatusCode();

        var rollups = new RollupRepository(new TableStore(new TableServiceClient(_azurite.ConnectionString)));
        var now = DateTimeOffset.UtcNow;
        for (var h = 7 * 24; h >= 1; h--)
        {
            var metrics = Rollup.MetricNames.ToDictionary(m => m, m => MetricRollup.Of(m == "disk" ? [74 - (2.0 * h / 24)] : [20.0]));
            await rollups.WriteAsync(RollupTier.Hourly, new Rollup(host, RollupTier.Hourly.Floor(now.AddHours(-h)), metrics, new Dictionary<string, IReadOnlyDictionary<string, MetricRollup>>()));
        }

        Assert.NotEmpty(await Hooks.WaitForAsync(1, TimeSpan.FromSeconds(30)));
        return (host, key);
    }

    /// <summary>The snapshot once two in a row agree, so deliveries still under way after the setup are not counted against the sweep.</summary>
    private async Task<Dictionary<string, string[]>> SettledSnapshotAsync()
    {
        var previous = await SnapshotAsync();
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var next = await SnapshotAsync();
            if (next.Count == previous.Count && next.All(t => previous.TryGetValue(t.Key, out var rows) && rows.SequenceEqual(t.Value)))
            {
                return next;
            }

            previous = next;
        }

        throw new InvalidOperationException("The tables kept changing after the setup.");
    }

    /// <summary>Every entity of every non-empty table, with its timestamp and ETag, so a rewrite of the same values also shows.</summary>
    private async Task<Dictionary<string, string[]>> SnapshotAsync()
    {
        var service = new TableServiceClient(_azurite.ConnectionString);
        var snapshot = new Dictionary<string, string[]>(StringComparer.Ordinal);
        await foreach (var table in service.QueryAsync())
        {
            var rows = new List<string>();
            await foreach (var entity in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                rows.Add(string.Join("|", entity.OrderBy(p => p.Key, StringComparer.Ordinal)
                    .Select(p => $"{p.Key}={Convert.ToString(p.Value is DateTimeOffset d ? d.ToString("O", CultureInfo.InvariantCulture) : p.Value, CultureInfo.InvariantCulture)}")));
            }

            if (rows.Count > 0)
            {
                snapshot[table.Name] = [.. rows.Order(StringComparer.Ordinal)];
            }
        }

        return snapshot;
    }
}
