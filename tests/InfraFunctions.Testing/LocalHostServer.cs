using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using InfraFunctions.LocalHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InfraFunctions.Testing;

/// <summary>LocalHost running in the test process on a free loopback port, against a real Azurite.</summary>
public sealed class LocalHostServer : IAsyncDisposable
{
    public const string MasterKey = "test-master-key-0123456789abcdef";

    private LocalHostServer(WebApplication app, Uri baseAddress)
    {
        App = app;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    /// <summary>A client with no credentials.</summary>
    public HttpClient Client { get; }

    public IServiceProvider Services => App.Services;

    public static async Task<LocalHostServer> StartAsync(
        string storageConnectionString,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var config = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = storageConnectionString,
            ["LocalHost:MasterKey"] = MasterKey,
            ["LocalHost:MetadataDirectory"] = RepoPaths.FunctionAppOutput,
            ["LocalHost:StaticRoot"] = Path.Combine(AppContext.BaseDirectory, "no-dashboard"),
            ["LocalHost:Urls"] = "http://127.0.0.1:0",
            ["RETENTION_SCHEDULE"] = "0 30 2 * * *",
            ["AGGREGATION_HOURLY_SCHEDULE"] = "0 5 * * * *",
            ["AGGREGATION_DAILY_SCHEDULE"] = "0 15 0 * * *",
            ["STALE_HOSTS_SCHEDULE"] = "0 * * * * *",
            ["DISK_FORECAST_SCHEDULE"] = "0 20 * * * *",
            ["WEBHOOK_REDELIVERY_SCHEDULE"] = "30 */5 * * * *",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        var app = LocalHostApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(config);
            builder.WebHost.UseUrls(config["LocalHost:Urls"]!);
            services?.Invoke(builder.Services);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LocalHostServer(app, new Uri(address));
    }

    public async Task<string> CreateTokenAsync(string role = "reader", string name = "tests")
    {
        using var request = Admin(HttpMethod.Post, "api/v1/admin/tokens", new { role, name });
        using var response = await Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    public async Task<(string AgentId, string Key)> CreateAgentAsync(params string[] hostIds)
    {
        using var request = Admin(HttpMethod.Post, "api/v1/admin/agents", new { host_ids = hostIds });
        using var response = await Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("agent_id").GetString()!, body.GetProperty("key").GetString()!);
    }

    public static HttpRequestMessage Admin(HttpMethod method, string path, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("x-functions-key", MasterKey);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    public HttpClient ClientWithBearer(string secret)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
