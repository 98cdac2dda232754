using System.Net;
using Azure.Data.Tables;
using InfraFunctions.Core.Storage;
using InfraFunctions.Testing;

namespace InfraFunctions.Tests;

// Each test here owns its Azurite: one stops it mid-run, one needs a fleet of exactly one host.
public sealed class StorageOutageTests
{
    [Fact]
    public async Task IngestAnswers503WhileStorageIsDownAndARetryAfterwardsIsStoredExactlyOnce()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        await using var server = await LocalHostServer.StartAsync(azurite.ConnectionString);
        var host = "outage-host";
        var (_, key) = await server.CreateAgentAsync(host);
        using var agent = server.ClientWithBearer(key);
        using var reader = server.ClientWithBearer(await server.CreateTokenAsync());
        var first = Samples.Batch(host, Samples.Times(DateTimeOffset.UtcNow.AddSeconds(-30), 3, TimeSpan.FromSeconds(5)));
        (await agent.PostAsync("api/v1/ingest/samples", Samples.Gzip(first))).EnsureSuccessStatusCode();

        await azurite.StopAsync();
        var during = Samples.Batch(host, Samples.Times(DateTimeOffset.UtcNow.AddSeconds(-1), 4, TimeSpan.FromSeconds(5)));
        using (var refused = await agent.PostAsync("api/v1/ingest/samples", Samples.Gzip(during)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
            Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "503 must carry Retry-After");
        }

        await azurite.StartAgainAsync();
        using (var retried = await agent.PostAsync("api/v1/ingest/samples", Samples.Gzip(during)))
        {
            Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
            Assert.Equal(4, (await retried.JsonAsync()).GetProperty("accepted").GetInt32());
        }

        (await agent.PostAsync("api/v1/ingest/samples", Samples.Gzip(during))).EnsureSuccessStatusCode();
        var summary = await (await reader.GetAsync("api/v1/observability/infrastructure/summary?window=5m")).JsonAsync();
        Assert.Equal(7, summary.GetProperty("sample_count").GetInt32());
    }

    [Fact]
    public async Task TheOnlyHostIsUsedWithoutHostParameterAndGoesStaleAfterThreeSilentIntervals()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        await using var server = await LocalHostServer.StartAsync(azurite.ConnectionString);
        var (_, key) = await server.CreateAgentAsync("solo");
        using var agent = server.ClientWithBearer(key);
        using var reader = server.ClientWithBearer(await server.CreateTokenAsync());
        using (var none = await reader.GetAsync("api/v1/observability/infrastructure/system"))
        {
            Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        }

        (await agent.PostAsync("api/v1/ingest/samples", Samples.Json(Samples.Batch("solo", [DateTimeOffset.UtcNow])))).EnsureSuccessStatusCode();

        var health = await (await reader.GetAsync("api/v1/observability/infrastructure/health")).JsonAsync();
        Assert.Equal("solo", health.GetProperty("data").GetProperty("host").GetString());
        Assert.False(health.GetProperty("data").GetProperty("stale").GetBoolean());

        // The host reports every 60 s: silent for 179 s it is still fresh, for 181 s it is past three intervals.
        await LastSeenAgoAsync(azurite, "solo", TimeSpan.FromSeconds(179));
        var fleet = await (await reader.GetAsync("api/v1/observability/hosts")).JsonAsync();
        Assert.False(fleet.GetProperty("hosts")[0].GetProperty("stale").GetBoolean());

        await LastSeenAgoAsync(azurite, "solo", TimeSpan.FromSeconds(181));
        fleet = await (await reader.GetAsync("api/v1/observability/hosts")).JsonAsync();
        Assert.True(fleet.GetProperty("hosts")[0].GetProperty("stale").GetBoolean());
        Assert.Equal("down", fleet.GetProperty("hosts")[0].GetProperty("status").GetString());
    }

    /// <summary>Moves the host's last report back to <paramref name="ago"/> before now, in the hosts table the app reads.</summary>
    private static async Task LastSeenAgoAsync(AzuriteServer azurite, string hostId, TimeSpan ago)
    {
        var hosts = new TableClient(azurite.ConnectionString, TableNames.Hosts);
        var row = await hosts.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"host_id eq {hostId}")).SingleAsync();
        row["last_seen"] = DateTimeOffset.UtcNow - ago;
        await hosts.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
    }
}
