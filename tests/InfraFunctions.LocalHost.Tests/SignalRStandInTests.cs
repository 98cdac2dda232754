using System.Net;
using InfraFunctions.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace InfraFunctions.LocalHost.Tests;

public sealed class SignalRStandInTests(TablesFixture tables) : IClassFixture<TablesFixture>
{
    private const string Key = "local-access-key-0123456789abcdef0123456789";

    private static IEnumerable<string> Templates(LocalHostServer server, bool functions) =>
        server.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => (e.Metadata.GetMetadata<InfraFunctions.LocalHost.Worker.FunctionInfo>() is not null) == functions)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'));

    [Fact]
    public async Task TheStandInsRoutesStayOutOfTheFunctionRoutes()
    {
        var port = AzuriteServer.FreePort();
        await using var server = await LocalHostServer.StartAsync(tables.ConnectionString, new Dictionary<string, string?>
        {
            ["LocalHost:Urls"] = $"http://127.0.0.1:{port}",
            ["AzureSignalRConnectionString"] = $"Endpoint=http://localhost;Port={port};AccessKey={Key};Version=1.0;",
        });
        var functions = Templates(server, functions: true).ToList();
        var standIn = Templates(server, functions: false).Where(t => t.StartsWith("/api", StringComparison.Ordinal) || t.StartsWith("/client", StringComparison.Ordinal)).ToList();

        Assert.Contains("/api/negotiate", functions);
        Assert.Contains("/client", standIn);
        Assert.Contains("/api/health", standIn);
        Assert.All(standIn.Where(t => t.StartsWith("/api", StringComparison.Ordinal)), t =>
            Assert.True(t == "/api/health" || t.StartsWith("/api/hubs/", StringComparison.Ordinal), $"{t} is outside the service's REST paths"));
        Assert.All(functions, f => Assert.False(f.StartsWith("/api/hubs", StringComparison.Ordinal) || f == "/api/health" || f.StartsWith("/client", StringComparison.Ordinal), $"function route {f} collides with the SignalR stand-in"));

        using var health = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "api/health?api-version=2022-06-01"));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task WithoutTheSettingThereIsNoStandIn()
    {
        await using var server = await LocalHostServer.StartAsync(tables.ConnectionString);
        Assert.DoesNotContain(Templates(server, functions: false), t => t.StartsWith("/client", StringComparison.Ordinal) || t.StartsWith("/api/hubs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AConnectionStringForARealServiceLeavesTheStandInOff()
    {
        await using var server = await LocalHostServer.StartAsync(tables.ConnectionString, new Dictionary<string, string?>
        {
            ["AzureSignalRConnectionString"] = $"Endpoint=https://demo.service.signalr.net;AccessKey={Key};Version=1.0;",
        });
        Assert.DoesNotContain(Templates(server, functions: false), t => t.StartsWith("/client", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AMalformedConnectionStringFailsAtStartNamingTheSetting()
    {
        var ex = await Assert.ThrowsAsync<FormatException>(() => LocalHostServer.StartAsync(tables.ConnectionString, new Dictionary<string, string?>
        {
            ["AzureSignalRConnectionString"] = "Endpoint=http://localhost;AccessKey=short;",
        }));
        Assert.Contains("AzureSignalRConnectionString", ex.Message, StringComparison.Ordinal);
    }
}
