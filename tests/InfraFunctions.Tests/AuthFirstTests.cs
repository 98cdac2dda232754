using System.Net;
using InfraFunctions.Testing;

namespace InfraFunctions.Tests;

/// <summary>Every route refuses a caller without the right credential before it looks at anything else in the request.</summary>
public sealed class AuthFirstTests(LocalHostFixture fixture) : IClassFixture<LocalHostFixture>
{
    /// <summary>A value every route with such a parameter refuses: unknown windows, states, metrics and statuses, a host id with a control character, a bad time, a flag that is not a boolean.</summary>
    private const string BadQuery = "?window=9y&state=sideways&since=yesterday&metric=gpu&sensitivity=extreme&status=maybe&operation=x'%20or%201==1&host=%00&active=sometimes";
    private const string BadBody = "{\"connection_id\": 7, \"cpu_warning\": \"high\"";

    private LocalHostServer Server => fixture.Server;

    [Fact]
    public async Task EveryRouteWithBadParametersAndNoTokenIsRefusedWith401()
    {
        var routes = SweptRoute.All();
        Assert.True(routes.Count >= 25, $"only {routes.Count} routes in functions.metadata");

        var answers = new List<string>();
        foreach (var route in routes)
        {
            using var request = route.Request(BadQuery, BadBody);
            using var response = await Server.Client.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Unauthorized || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                answers.Add($"{route}: {(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}");
            }
        }

        Assert.Empty(answers);
    }

    [Fact]
    public async Task EveryRouteRefusesAnUnknownOrAgentCredentialWith401BeforeValidating()
    {
        var (_, agentKey) = await Server.CreateAgentAsync(Http.NewHostId());
        using var agent = Server.ClientWithBearer(agentKey);
        using var forged = Server.ClientWithBearer("ift_0123456789abcdef.notarealtoken");

        var answers = new List<string>();
        foreach (var route in SweptRoute.All().Where(r => !r.TakesAgentKey))
        {
            foreach (var client in new[] { agent, forged })
            {
                using var request = route.Request(BadQuery, BadBody);
                using var response = await client.SendAsync(request);
                if (response.StatusCode != HttpStatusCode.Unauthorized)
                {
                    answers.Add($"{route}: {(int)response.StatusCode}");
                }
            }
        }

        Assert.Empty(answers);
    }

    /// <summary>The routes that read nothing from the query or the body, so bad parameters cannot make them fail.</summary>
    private static readonly HashSet<string> TakesNoParameters = new(StringComparer.Ordinal) { "ListHosts", "ComponentHealth", "PrometheusMetrics", "Negotiate", "CallerIdentity", "ListRules", "RuleMetrics" };

    [Fact]
    public async Task WithAReaderTokenAndBadParametersEveryOperatorRouteIs403AndEveryOtherRouteIs400()
    {
        var routes = SweptRoute.All().Where(r => r.Role is not null).ToArray();
        Assert.Contains(routes, r => r.Role == "operator");

        var answers = new List<string>();
        foreach (var route in routes)
        {
            using var request = route.Request(BadQuery, BadBody);
            using var response = await fixture.Reader.SendAsync(request);
            var expected = route.Role == "operator" ? HttpStatusCode.Forbidden : TakesNoParameters.Contains(route.Function) ? (HttpStatusCode?)null : HttpStatusCode.BadRequest;
            var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
            if (expected is { } status ? response.StatusCode != status || !problem : (int)response.StatusCode is >= 400 and < 500)
            {
                answers.Add($"{route} [{route.Role}]: {(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}");
            }
        }

        Assert.True(answers.Count == 0, string.Join("\n", answers));
    }

    [Theory]
    [InlineData("POST", "api/v1/observability/alerts/not-an-alert/acknowledge")]
    [InlineData("PUT", "api/v1/observability/thresholds")]
    [InlineData("DELETE", "api/v1/observability/thresholds")]
    [InlineData("PUT", "api/v1/observability/rules/not-a-rule")]
    [InlineData("DELETE", "api/v1/observability/rules/not-a-rule")]
    public async Task AReaderOnAnOperatorRouteWithBadParametersIsRefusedWith403AndAnOperatorGetsTheValidationAnswer(string method, string path)
    {
        using var operatorClient = Server.ClientWithBearer(await Server.CreateTokenAsync("operator", "on-call"));

        using var asReader = await fixture.Reader.SendAsync(Request(method, path + "?host=%00"));
        using var asOperator = await operatorClient.SendAsync(Request(method, path + "?host=%00"));

        var problem = await asReader.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("operator", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(asOperator.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{method} {path}: {(int)asOperator.StatusCode}");
    }

    [Theory]
    [InlineData("api/v1/observability/infrastructure/summary?window=9y", "window")]
    [InlineData("api/v1/observability/anomalies?window=9d", "window")]
    [InlineData("api/v1/observability/traces?status=maybe", "status")]
    [InlineData("api/v1/observability/metrics?window=9y", "window")]
    [InlineData("api/v1/observability/alerts?state=sideways", "state")]
    [InlineData("api/v1/observability/infrastructure/system?host=%00", "host")]
    public async Task BadParametersWithAGoodTokenAre400NamingTheField(string path, string field)
    {
        using var response = await fixture.Reader.GetAsync(path);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    private static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), path)
    {
        Content = method == "PUT" ? new StringContent(BadBody, System.Text.Encoding.UTF8, "application/json") : null,
    };
}
