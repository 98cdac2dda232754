using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InfraFunctions.Core.Auth;
using InfraFunctions.Testing;

namespace InfraFunctions.Tests.Enrollment;

public sealed class EnrollmentApiTests(OperatorFixture fixture) : IClassFixture<OperatorFixture>
{
    private LocalHostServer Server => fixture.Server;

    private HttpClient Operator => fixture.Operator;

    private static string InAWeek => DateTimeOffset.UtcNow.AddDays(7).ToString("O");

    private async Task<JsonElement> IssueTokenAsync(object body)
    {
        using var response = await Operator.PostAsJsonAsync("api/v1/observability/enrollment-tokens", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.JsonAsync();
    }

    private async Task<HttpResponseMessage> EnrollAsync(string? token, string hostId)
    {
        using var client = token is null ? new HttpClient { BaseAddress = Server.BaseAddress } : Server.ClientWithBearer(token);
        return await client.PostAsJsonAsync("api/v1/enroll", new { host_id = hostId });
    }

    private async Task<JsonElement> ListedAsync(string tokenId)
    {
        using var response = await Operator.GetAsync("api/v1/observability/enrollment-tokens");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("enrollment_tokens").EnumerateArray().Single(t => t.GetProperty("token_id").GetString() == tokenId);
    }

    [Fact]
    public async Task AHostEnrollsWithTheTokenAndGetsAKeyBoundToItsIdWithTheTokensTags()
    {
        var token = await IssueTokenAsync(new { name = "web fleet", expires_at = InAWeek, max_hosts = 5, tags = new { env = "prod", fleet = "web" }, host_pattern = "web-*" });
        var secret = token.GetProperty("token").GetString()!;
        var host = Http.NewHostId("web");

        using var response = await EnrollAsync(secret, host);

        Assert.StartsWith($"ife_{token.GetProperty("token_id").GetString()}.", secret, StringComparison.Ordinal);
        Assert.EndsWith($"--enroll {secret}", token.GetProperty("install_command").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var enrolled = await response.JsonAsync();
        var key = enrolled.GetProperty("key").GetString()!;
        Assert.Equal(host, enrolled.GetProperty("host_id").GetString());
        Assert.StartsWith($"ifa_{enrolled.GetProperty("agent_id").GetString()}.", key, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await Server.PostOneSampleAsync(key, host));
        Assert.Equal(HttpStatusCode.Forbidden, await Server.PostOneSampleAsync(key, Http.NewHostId("web")));
        var tags = await fixture.Tags.GetAsync(host);
        Assert.Equal(new Dictionary<string, string> { ["env"] = "prod", ["fleet"] = "web" }, tags.Enrollment);
        Assert.Empty(tags.Operator);

        using var agents = await Operator.GetAsync("api/v1/observability/agents");
        var agent = (await agents.JsonAsync()).GetProperty("agents").EnumerateArray().Single(a => a.GetProperty("agent_id").GetString() == enrolled.GetProperty("agent_id").GetString());
        Assert.Equal("enrollment", agent.GetProperty("issued_by").GetString());
        Assert.Equal(token.GetProperty("token_id").GetString(), agent.GetProperty("issuer_id").GetString());
        Assert.Equal("prod", agent.GetProperty("tags").GetProperty("env").GetString());
        Assert.Equal(1, (await ListedAsync(token.GetProperty("token_id").GetString()!)).GetProperty("hosts_enrolled").GetInt32());
    }

    [Fact]
    public async Task TheTokenListHoldsNoSecretAndSaysWhatEachTokenAllows()
    {
        var token = await IssueTokenAsync(new { name = "db fleet", expires_at = InAWeek, max_hosts = 3, host_pattern = "db-??" });
        var secret = token.GetProperty("token").GetString()!;

        using var response = await Operator.GetAsync("api/v1/observability/enrollment-tokens");
        var text = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain(secret.Split('.')[1], text, StringComparison.Ordinal);
        Assert.DoesNotContain("hash", text, StringComparison.OrdinalIgnoreCase);
        var listed = await ListedAsync(token.GetProperty("token_id").GetString()!);
        Assert.False(listed.TryGetProperty("token", out _));
        Assert.False(listed.TryGetProperty("install_command", out _));
        Assert.Equal(("db fleet", 3, "db-??", 0, false, false), (listed.GetProperty("name").GetString(), listed.GetProperty("max_hosts").GetInt32(),
            listed.GetProperty("host_pattern").GetString(), listed.GetProperty("hosts_enrolled").GetInt32(), listed.GetProperty("revoked").GetBoolean(), listed.GetProperty("expired").GetBoolean()));
    }

    [Theory]
    [InlineData("""{"expires_at": "2099-01-01T00:00:00Z"}""", "name")]
    [InlineData("""{"name": "x"}""", "expires_at")]
    [InlineData("""{"name": "x", "expires_at": "next tuesday"}""", "expires_at")]
    [InlineData("""{"name": "x", "expires_at": "2020-01-01T00:00:00Z"}""", "expires_at")]
    [InlineData("""{"name": "x", "expires_at": "2099-01-01T00:00:00Z"}""", "expires_at")]
    [InlineData("""{"name": "x", "expires_at": "@soon", "max_hosts": 0}""", "max_hosts")]
    [InlineData("""{"name": "x", "expires_at": "@soon", "max_hosts": 100001}""", "max_hosts")]
    [InlineData("""{"name": "x", "expires_at": "@soon", "tags": {"bad key": "v"}}""", "tags.bad key")]
    [InlineData("""{"name": "x", "expires_at": "@soon", "host_pattern": ""}""", "host_pattern")]
    [InlineData("""{"name": "x", "expires_at": "@soon", "host_pattern": "web-\u0007*"}""", "host_pattern")]
    [InlineData("""{"name": "x", "expires_at": "@soon", "host_pattern": "@long"}""", "host_pattern")]
    public async Task AnInvalidTokenRequestIs400NamingTheField(string body, string field)
    {
        body = body.Replace("@soon", InAWeek, StringComparison.Ordinal).Replace("@long", new string('a', 129), StringComparison.Ordinal);

        using var response = await Operator.PostAsync("api/v1/observability/enrollment-tokens", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task WithoutATokenOrWithAnotherKindOfCredentialEnrollingIs401()
    {
        var (_, agentKey) = await Server.CreateAgentAsync(Http.NewHostId());
        var host = Http.NewHostId();

        using var none = await EnrollAsync(null, host);
        using var unknown = await EnrollAsync("ife_0123456789abcdef.notarealtoken", host);
        using var accessToken = await EnrollAsync(await Server.CreateTokenAsync("operator"), host);
        using var agent = await EnrollAsync(agentKey, host);

        Assert.Contains("enrollment-tokens", (await none.ProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await unknown.ProblemAsync(HttpStatusCode.Unauthorized);
        await accessToken.ProblemAsync(HttpStatusCode.Unauthorized);
        await agent.ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AnExpiredTokenIsRefusedWith401SayingItExpired()
    {
        // Written to the table directly: the API only issues tokens that expire in the future.
        var (_, secret) = await new EnrollmentTokenRepository(fixture.Store, TimeProvider.System)
            .CreateAsync("old", DateTimeOffset.UtcNow.AddMinutes(-1), null, new Dictionary<string, string>(), null, "test");

        using var response = await EnrollAsync(secret, Http.NewHostId());

        Assert.Contains("expired", (await response.ProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARevokedTokenIsRefusedWith401AndTheKeysItIssuedKeepWorking()
    {
        var token = await IssueTokenAsync(new { name = "short", expires_at = InAWeek });
        var secret = token.GetProperty("token").GetString()!;
        var host = Http.NewHostId();
        using var first = await EnrollAsync(secret, host);
        var key = (await first.JsonAsync()).GetProperty("key").GetString()!;

        using var revoke = await Operator.DeleteAsync($"api/v1/observability/enrollment-tokens/{token.GetProperty("token_id").GetString()}");
        using var again = await EnrollAsync(secret, Http.NewHostId());

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Contains("revoked", (await again.ProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True((await ListedAsync(token.GetProperty("token_id").GetString()!)).GetProperty("revoked").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, await Server.PostOneSampleAsync(key, host));
    }

    [Fact]
    public async Task RevokingAnUnknownEnrollmentTokenIs404()
    {
        using var response = await Operator.DeleteAsync("api/v1/observability/enrollment-tokens/0123456789abcdef");

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AUsedUpTokenRefusesANewHostWith403ButAnEnrolledHostMayEnrollAgainWithoutCountingTwice()
    {
        var token = await IssueTokenAsync(new { name = "one host", expires_at = InAWeek, max_hosts = 1 });
        var secret = token.GetProperty("token").GetString()!;
        var host = Http.NewHostId();

        using var first = await EnrollAsync(secret, host);
        using var other = await EnrollAsync(secret, Http.NewHostId());
        using var again = await EnrollAsync(secret, host);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Contains("max_hosts", (await other.ProblemAsync(HttpStatusCode.Forbidden)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(1, (await ListedAsync(token.GetProperty("token_id").GetString()!)).GetProperty("hosts_enrolled").GetInt32());
    }

    [Theory]
    [InlineData("web-*", "db-1")]
    [InlineData("web-*", "Web-1")]
    [InlineData("web-?", "web-10")]
    [InlineData("web-?", "xweb-1")]
    public async Task AHostIdOutsideThePatternIsRefusedWith403NamingThePattern(string pattern, string hostId)
    {
        var token = await IssueTokenAsync(new { name = "patterned", expires_at = InAWeek, host_pattern = pattern });

        using var response = await EnrollAsync(token.GetProperty("token").GetString()!, hostId);

        Assert.Contains(pattern, (await response.ProblemAsync(HttpStatusCode.Forbidden)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await ListedAsync(token.GetProperty("token_id").GetString()!)).GetProperty("hosts_enrolled").GetInt32());
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"host_id": "bad\u0000id"}""")]
    public async Task AnEnrollmentWithoutAValidHostIdIs400NamingTheField(string body)
    {
        var token = await IssueTokenAsync(new { name = "any", expires_at = InAWeek });
        using var client = Server.ClientWithBearer(token.GetProperty("token").GetString()!);

        using var response = await client.PostAsync("api/v1/enroll", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.True((await response.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("host_id", out _));
    }

    [Fact]
    public async Task ReEnrollingAHostRevokesItsEarlierKeysButNotAKeyThatAlsoCoversOtherHosts()
    {
        var token = await IssueTokenAsync(new { name = "rebuilds", expires_at = InAWeek });
        var secret = token.GetProperty("token").GetString()!;
        var host = Http.NewHostId();
        var (_, operatorKey) = await Server.CreateAgentAsync(host);
        var (_, sharedKey) = await Server.CreateAgentAsync(host, Http.NewHostId("also"));
        using var first = await EnrollAsync(secret, host);
        var firstKey = (await first.JsonAsync()).GetProperty("key").GetString()!;

        using var second = await EnrollAsync(secret, host);

        var secondKey = (await second.JsonAsync()).GetProperty("key").GetString()!;
        Assert.Equal(HttpStatusCode.Unauthorized, await Server.PostOneSampleAsync(firstKey, host));
        Assert.Equal(HttpStatusCode.Unauthorized, await Server.PostOneSampleAsync(operatorKey, host));
        Assert.Equal(HttpStatusCode.OK, await Server.PostOneSampleAsync(secondKey, host));
        Assert.Equal(HttpStatusCode.OK, await Server.PostOneSampleAsync(sharedKey, host));
    }

    [Fact]
    public async Task TheEleventhEnrollmentInAMinuteIs429WithRetryAfterAndCountsNothing()
    {
        var token = await IssueTokenAsync(new { name = "burst", expires_at = InAWeek });
        var secret = token.GetProperty("token").GetString()!;
        for (var i = 0; i < EnrollmentRules.RatePerWindow; i++)
        {
            using var ok = await EnrollAsync(secret, Http.NewHostId("burst"));
            Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        }

        using var limited = await EnrollAsync(secret, Http.NewHostId("burst"));

        var problem = await limited.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("10", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var retryAfter = limited.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Assert.Equal(EnrollmentRules.RatePerWindow, (await ListedAsync(token.GetProperty("token_id").GetString()!)).GetProperty("hosts_enrolled").GetInt32());
    }
}
