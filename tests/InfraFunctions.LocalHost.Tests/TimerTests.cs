using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using InfraFunctions.Testing;

namespace InfraFunctions.LocalHost.Tests;

// A private Azurite: retention drops tables account-wide.
public sealed class TimerTests
{
    [Fact]
    public async Task AdminRunOfATimerFunctionRunsItNowAndRepliesWithItsReport()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        var service = new TableServiceClient(azurite.ConnectionString);
        await service.CreateTableIfNotExistsAsync("samples20200101");
        await using var server = await LocalHostServer.StartAsync(azurite.ConnectionString);

        using var refused = await server.Client.PostAsync("admin/functions/RetentionCleanup", new StringContent("{}"));
        using var run = await server.Client.SendAsync(LocalHostServer.Admin(HttpMethod.Post, "admin/functions/RetentionCleanup", new { input = "" }));
        using var unknown = await server.Client.SendAsync(LocalHostServer.Admin(HttpMethod.Post, "admin/functions/NoSuchTimer", new { input = "" }));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, run.StatusCode);
        var report = await run.Content.ReadAsStringAsync();
        Assert.Contains("samples20200101", report, StringComparison.Ordinal);
        Assert.Contains("\"ExpiredStreamLeases\":", report, StringComparison.Ordinal);
        Assert.DoesNotContain(service.Query().Select(t => t.Name), n => n == "samples20200101");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task TimersRunOnTheScheduleTheirAppSettingGives()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        var service = new TableServiceClient(azurite.ConnectionString);
        await service.CreateTableIfNotExistsAsync("samples20200102");
        await using var server = await LocalHostServer.StartAsync(azurite.ConnectionString, new Dictionary<string, string?> { ["RETENTION_SCHEDULE"] = "*/1 * * * * *" });

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline && service.Query().Any(t => t.Name == "samples20200102"))
        {
            await Task.Delay(250);
        }

        Assert.DoesNotContain(service.Query().Select(t => t.Name), n => n == "samples20200102");
    }

    [Fact]
    public async Task AMissingScheduleSettingStopsLocalHostAtStartNamingTheSetting()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            LocalHostServer.StartAsync(azurite.ConnectionString, new Dictionary<string, string?> { ["RETENTION_SCHEDULE"] = null }));

        Assert.Contains("RETENTION_SCHEDULE", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingMasterKeyStopsLocalHostAtStart()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        var ex = await Assert.ThrowsAnyAsync<Exception>(() =>
            LocalHostServer.StartAsync(azurite.ConnectionString, new Dictionary<string, string?> { ["LocalHost:MasterKey"] = "" }));

        Assert.Contains("MasterKey", ex.Message, StringComparison.Ordinal);
    }
}
