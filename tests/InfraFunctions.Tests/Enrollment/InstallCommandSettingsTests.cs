using System.Net;
using System.Net.Http.Json;
using InfraFunctions.Testing;

namespace InfraFunctions.Tests.Enrollment;

/// <summary>A deployment whose agent downloads and API are on different hosts, as the Static Web App and the function app are in Azure.</summary>
public sealed class InstallCommandSettingsTests : IAsyncLifetime
{
    private readonly TablesFixture _tables = new();
    private LocalHostServer _server = null!;

    public async Task InitializeAsync()
    {
        await _tables.InitializeAsync();
        _server = await LocalHostServer.StartAsync(_tables.ConnectionString, new Dictionary<string, string?>
        {
            ["Agent:DownloadBaseUrl"] = "https://dashboard.example.net/",
            ["Agent:ApiBaseUrl"] = "https://api.example.net",
        });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _tables.DisposeAsync();
    }

    [Fact]
    public async Task TheInstallLinesDownloadFromTheConfiguredSiteAndPostToTheConfiguredApi()
    {
        using var operatorClient = _server.ClientWithBearer(await _server.CreateTokenAsync("operator", "on-call"));

        using var agent = await operatorClient.PostAsJsonAsync("api/v1/observability/agents", new { host_id = Http.NewHostId() });
        using var token = await operatorClient.PostAsJsonAsync("api/v1/observability/enrollment-tokens", new { name = "fleet", expires_at = DateTimeOffset.UtcNow.AddDays(1) });

        Assert.Equal(HttpStatusCode.Created, agent.StatusCode);
        var issued = await agent.JsonAsync();
        Assert.Equal($"curl -fsSL https://dashboard.example.net/agent/install.sh | sudo bash -s -- --endpoint https://api.example.net --key {issued.GetProperty("key").GetString()}",
            issued.GetProperty("install_command").GetString());
        var enrollment = await token.JsonAsync();
        Assert.Equal($"curl -fsSL https://dashboard.example.net/agent/install.sh | sudo bash -s -- --endpoint https://api.example.net --enroll {enrollment.GetProperty("token").GetString()}",
            enrollment.GetProperty("install_command").GetString());
    }
}
