using System.Net;
using System.Text.Json;
using InfraFunctions.LocalHost.Http;
using InfraFunctions.Testing;

namespace InfraFunctions.LocalHost.Tests;

/// <summary>Refusals LocalHost makes itself, before any function runs, are problem+json like the function app's.</summary>
public sealed class ProblemRepliesTests(TablesFixture tables) : IClassFixture<TablesFixture>, IAsyncLifetime
{
    private LocalHostServer _server = null!;

    public async Task InitializeAsync() => _server = await LocalHostServer.StartAsync(tables.ConnectionString);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task AnUnknownRouteUnderApiIsANotFoundProblem()
    {
        using var get = await _server.Client.GetAsync("api/v1/no/such/route");
        using var post = await _server.Client.PostAsync("api/v1/observability/nope", new StringContent("{}"));

        await AssertProblemAsync(get, HttpStatusCode.NotFound);
        await AssertProblemAsync(post, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RunningAnUnknownAdminFunctionIsANotFoundProblemListingTheTimers()
    {
        using var response = await _server.Client.SendAsync(LocalHostServer.Admin(HttpMethod.Post, "admin/functions/NoSuchFunction", new { input = "" }));

        var problem = await AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("RetentionCleanup", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOverLongUrlIsAUriTooLongProblem()
    {
        using var response = await _server.Client.GetAsync("api/v1/observability/hosts?pad=" + new string('x', 20_000));

        var problem = await AssertProblemAsync(response, HttpStatusCode.RequestUriTooLong);
        Assert.Contains($"the limit is {RequestLimits.MaxRequestLineBytes}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TooLargeHeadersAreARequestHeaderFieldsTooLargeProblem()
    {
        using var large = new HttpRequestMessage(HttpMethod.Get, "api/v1/observability/hosts");
        large.Headers.Add("X-Padding", new string('x', 40_000));
        using var many = new HttpRequestMessage(HttpMethod.Get, "api/v1/observability/hosts");
        for (var i = 0; i < 120; i++)
        {
            many.Headers.Add($"X-Header-{i}", "x");
        }

        using var largeResponse = await _server.Client.SendAsync(large);
        using var manyResponse = await _server.Client.SendAsync(many);

        await AssertProblemAsync(largeResponse, HttpStatusCode.RequestHeaderFieldsTooLarge);
        await AssertProblemAsync(manyResponse, HttpStatusCode.RequestHeaderFieldsTooLarge);
    }

    [Fact]
    public async Task HeadersJustWithinTheLimitsReachTheFunction()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/observability/hosts");
        for (var i = 0; i < RequestLimits.MaxHeaderCount - 10; i++)
        {
            request.Headers.Add($"X-Header-{i}", new string('x', 250));
        }

        using var response = await _server.Client.SendAsync(request);

        // The function itself answers: no token is a 401 problem from the app, not a refusal of the request.
        var problem = await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.DoesNotContain("headers", problem.GetProperty("title").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        return problem;
    }
}
