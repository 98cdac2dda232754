using System.Text.Json;
using InfraFunctions.LocalHost.Worker;
using InfraFunctions.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace InfraFunctions.LocalHost.Tests;

public sealed class FunctionRoutesTests(TablesFixture tables) : IClassFixture<TablesFixture>
{
    private sealed record Route(string Template, string Methods, string AuthLevel);

    [Fact]
    public async Task LocalHostServesExactlyTheHttpFunctionsOfTheBuildsMetadata()
    {
        // Read the function app's own build output independently of the worker's indexing, which LocalHost serves.
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.FunctionAppOutput, "functions.metadata")));
        using var hostJson = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.FunctionAppOutput, "host.json")));
        var prefix = hostJson.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString();
        var expected = doc.RootElement.EnumerateArray()
            .Select(f => f.GetProperty("bindings").EnumerateArray().First(b => b.GetProperty("type").GetString() == "httpTrigger" || b.GetProperty("type").GetString() == "timerTrigger"))
            .Where(b => b.GetProperty("type").GetString() == "httpTrigger")
            .Select(b => new Route(
                $"/{prefix}/{b.GetProperty("route").GetString()}",
                string.Join(",", b.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).Order(StringComparer.Ordinal)),
                b.GetProperty("authLevel").GetString()!))
            .ToHashSet();

        await using var server = await LocalHostServer.StartAsync(tables.ConnectionString);
        var served = server.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<FunctionInfo>() is not null)
            .Select(e => new Route(
                "/" + e.RoutePattern.RawText!.TrimStart('/'),
                string.Join(",", e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Order(StringComparer.Ordinal)),
                e.Metadata.GetMetadata<FunctionInfo>()!.AuthLevel))
            .ToHashSet();

        Assert.NotEmpty(expected);
        Assert.Equal(expected.OrderBy(r => r.Template + r.Methods, StringComparer.Ordinal), served.OrderBy(r => r.Template + r.Methods, StringComparer.Ordinal));
    }

    [Fact]
    public async Task EveryMetadataRouteAnswersWithoutFallingThroughToNotFound()
    {
        await using var server = await LocalHostServer.StartAsync(tables.ConnectionString);
        var index = await server.App.Services.GetRequiredService<WorkerSupervisor>().Ready;

        foreach (var f in index.Http)
        {
            var path = "/" + index.Template(f).Replace("{agentId}", "0000000000000000", StringComparison.Ordinal).Replace("{tokenId}", "0000000000000000", StringComparison.Ordinal);
            using var request = new HttpRequestMessage(new HttpMethod(f.Methods[0]), path);
            using var response = await server.Client.SendAsync(request);
            Assert.True(response.StatusCode is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.BadRequest or System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.ServiceUnavailable,
                $"{f.Name} at {path} answered {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }
}
