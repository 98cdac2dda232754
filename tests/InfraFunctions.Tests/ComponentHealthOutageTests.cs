using System.Diagnostics;
using System.Net;
using InfraFunctions.Testing;

namespace InfraFunctions.Tests;

// Owns its Azurite: the test stops it.
public sealed class ComponentHealthOutageTests
{
    [Fact]
    public async Task WithStorageStoppedTableStorageIsUnhealthyTheOverallIsUnhealthyAndTheEndpointAnswersWithinItsTimeout()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        await using var server = await LocalHostServer.StartAsync(azurite.ConnectionString);
        using var reader = server.ClientWithBearer(await server.CreateTokenAsync());
        using (var before = await reader.GetAsync("api/v1/observability/health/components"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await azurite.StopAsync();
        var clock = Stopwatch.StartNew();
        using var during = await reader.GetAsync("api/v1/observability/health/components");
        clock.Stop();

        // Token check (2 s at most) plus the parallel checks (2 s at most each, run together), with slack for the machine.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(6), $"answered after {clock.Elapsed}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.True(during.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        var body = await during.JsonAsync();
        Assert.Equal("unhealthy", body.GetProperty("overall").GetString());
        var table = body.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "table_storage");
        Assert.Equal("unhealthy", table.GetProperty("status").GetString());
        Assert.False(table.TryGetProperty("last_error", out _)); // statuses only: no caller was verified
    }
}
