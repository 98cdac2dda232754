using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using InfraFunctions.LocalHost;
using InfraFunctions.LocalHost.Worker;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InfraFunctions.Testing;

/// <summary>
/// LocalHost in the test process on a free loopback port, driving the function app's real worker as a child
/// process, against a real Azurite. Settings other than <c>LocalHost:*</c> and <c>Logging:*</c> are app settings:
/// they reach the worker as environment variables, in place of any variable of that name in the test's environment.
/// </summary>
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

    /// <param name="hostServices">LocalHost's own services, for example a tap in front of the worker; the function app's are out of reach.</param>
    public static async Task<LocalHostServer> StartAsync(string storageConnectionString, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? hostServices = null)
    {
        var config = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = storageConnectionString,
            ["LocalHost:MasterKey"] = MasterKey,
            ["LocalHost:FunctionAppDirectory"] = RepoPaths.FunctionAppOutput,
            ["LocalHost:StaticRoot"] = Path.Combine(AppContext.BaseDirectory, "no-dashboard"),
            ["LocalHost:Urls"] = "http://127.0.0.1:0",
            ["RETENTION_SCHEDULE"] = "0 30 2 * * *",
            ["AGGREGATION_HOURLY_SCHEDULE"] = "0 5 * * * *",
            ["AGGREGATION_DAILY_SCHEDULE"] = "0 15 0 * * *",
            ["STALE_HOSTS_SCHEDULE"] = "0 * * * * *",
            ["DISK_FORECAST_SCHEDULE"] = "0 20 * * * *",
            ["WEBHOOK_REDELIVERY_SCHEDULE"] = "30 */5 * * * *",
            ["ALERT_NOTIFY_SCHEDULE"] = "15 * * * * *",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        var app = LocalHostApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(config.ToDictionary(
                kv => IsHostSetting(kv.Key) ? kv.Key : $"{AppSettings.SectionName}:{kv.Key}",
                kv => kv.Value));

            // LocalHost lets its own environment win over a Values entry, as Core Tools does. A test's settings are
            // meant as the app's settings, so hide a variable of the same name in the test runner's environment
            // (SSL_CERT_FILE, for one, is often set there): with it hidden the Values entry reaches the worker.
            builder.Configuration.AddInMemoryCollection(config.Keys.Where(key => !IsHostSetting(key))
                .Select(key => KeyValuePair.Create(key, (string?)null)));
            hostServices?.Invoke(builder.Services);
        });
        try
        {
            await app.StartAsync();
            await LocalHostApp.WaitReadyAsync(app);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var grpcPort = app.Services.GetRequiredService<GrpcEndpoint>().Port;
        var address = LoopbackServer.BoundAddresses(app).First(a => a.Port != grpcPort);
        return new LocalHostServer(app, address);
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

    private static bool IsHostSetting(string key) =>
        key.StartsWith("LocalHost:", StringComparison.Ordinal) || key.StartsWith("Logging:", StringComparison.Ordinal);
}
