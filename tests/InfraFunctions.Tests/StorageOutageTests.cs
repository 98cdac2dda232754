using System.Net;
using InfraFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace InfraFunctions.Tests;

// Each test here owns its Azurite: one stops it mid-run, one needs a fleet of exactly one host.
public sealed class StorageOutageTests : IAsyncLifetime
{
    private AzuriteServer _azurite = null!;

    public async Task InitializeAsync() => _azurite = await AzuriteServer.StartAsync();

    public async Task DisposeAsync() => await _azurite.DisposeAsync();

    [Fact]
    public async Task IngestAnswers503WhileStorageIsDownAndARetryAfterwardsIsStoredExactlyOnce()
    {
        await using var server = await LocalHostServer.StartAsync(_azurite.ConnectionString);
        var host = "outage-host";
        var (_, key) = await server.CreateAgentAsync(host);
        using var agent = server.ClientWithBearer(key);
        using var reader = server.ClientWithBearer(await server.CreateTokenAsync());
        var first = Samples.Batch(host, Samples.Times(DateTimeOffset.UtcNow.AddSeconds(-30), 3, TimeSpan.FromSeconds(5)));
        (await agent.PostAsync("api/v1/ingest/samples", Samples.Gzip(first))).EnsureSuccessStatusCode();

        await _azurite.StopAsync();
        var during = Samples.Batch(host, Samples.Times(DateTimeOffset.UtcNow.AddSeconds(-1), 4, TimeSpan.FromSeconds(5)));
        using (var refused = await agent.PostAsync("api/v1/ingest/samples", Samples.Gzip(during)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
            Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "503 must carry Retry-After");
        }

        await _azurite.StartAgainAsync();
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
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await LocalHostServer.StartAsync(_azurite.ConnectionString, services: s => s.AddSingleton<TimeProvider>(clock));
        var (_, key) = await server.CreateAgentAsync("solo");
        using var agent = server.ClientWithBearer(key);
        using var reader = server.ClientWithBearer(await server.CreateTokenAsync());
        using (var none = await reader.GetAsync("api/v1/observability/infrastructure/system"))
        {
            Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        }

        (await agent.PostAsync("api/v1/ingest/samples", Samples.Json(Samples.Batch("solo", [clock.GetUtcNow()])))).EnsureSuccessStatusCode();

        var health = await (await reader.GetAsync("api/v1/observability/infrastructure/health")).JsonAsync();
        Assert.Equal("solo", health.GetProperty("data").GetProperty("host").GetString());
        Assert.False(health.GetProperty("data").GetProperty("stale").GetBoolean());

        clock.Advance(TimeSpan.FromSeconds(89));
        var fleet = await (await reader.GetAsync("api/v1/observability/hosts")).JsonAsync();
        Assert.False(fleet.GetProperty("hosts")[0].GetProperty("stale").GetBoolean());

        clock.Advance(TimeSpan.FromSeconds(2));
        fleet = await (await reader.GetAsync("api/v1/observability/hosts")).JsonAsync();
        Assert.True(fleet.GetProperty("hosts")[0].GetProperty("stale").GetBoolean());
        Assert.Equal("down", fleet.GetProperty("hosts")[0].GetProperty("status").GetString());
    }
}
