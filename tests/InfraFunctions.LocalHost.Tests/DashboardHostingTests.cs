using System.Net;
using InfraFunctions.Testing;

namespace InfraFunctions.LocalHost.Tests;

public sealed class DashboardHostingTests(TablesFixture tables) : IClassFixture<TablesFixture>
{
    [Fact]
    public async Task BuiltDashboardIsServedAtRootWithClientRoutesFallingBackToIndex()
    {
        var dist = Directory.CreateTempSubdirectory("dist-").FullName;
        await File.WriteAllTextAsync(Path.Combine(dist, "index.html"), "<!doctype html><title>InfraFunctions</title>");
        Directory.CreateDirectory(Path.Combine(dist, "assets"));
        await File.WriteAllTextAsync(Path.Combine(dist, "assets", "app.js"), "console.log(1)");
        await using var server = await LocalHostServer.StartAsync(tables.ConnectionString, new Dictionary<string, string?> { ["LocalHost:StaticRoot"] = dist });

        var root = await server.Client.GetStringAsync("/");
        var asset = await server.Client.GetStringAsync("/assets/app.js");
        var deepLink = await server.Client.GetStringAsync("/hosts/web-1");
        using var unknownApi = await server.Client.GetAsync("/api/v1/nope");

        Assert.Contains("InfraFunctions", root, StringComparison.Ordinal);
        Assert.Equal("console.log(1)", asset);
        Assert.Contains("InfraFunctions", deepLink, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknownApi.StatusCode);
    }
}
