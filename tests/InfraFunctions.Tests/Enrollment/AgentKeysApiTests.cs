using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InfraFunctions.Testing;

namespace InfraFunctions.Tests.Enrollment;

public sealed class AgentKeysApiTests(OperatorFixture fixture) : IClassFixture<OperatorFixture>
{
    private LocalHostServer Server => fixture.Server;

    private HttpClient Operator => fixture.Operator;

    [Fact]
    public async Task AnOperatorIssuesAKeyForOneHostWithTagsAndAnInstallLineThatWorksOnIngest()
    {
        var host = Http.NewHostId("web");

        var issued = await fixture.IssueAgentAsync(host, new { env = "prod", role = "web" });

        var key = issued.GetProperty("key").GetString()!;
        Assert.StartsWith($"ifa_{issued.GetProperty("agent_id").GetString()}.", key, StringComparison.Ordinal);
        Assert.Equal(host, issued.GetProperty("host_id").GetString());
        Assert.Equal("prod", issued.GetProperty("tags").GetProperty("env").GetString());
        var origin = Server.BaseAddress.GetLeftPart(UriPartial.Authority);
        Assert.Equal($"curl -fsSL {origin}/agent/install.sh | sudo bash -s -- --endpoint {origin} --key {key}", issued.GetProperty("install_command").GetString());
        var stored = await fixture.Tags.GetAsync(host);
        Assert.Equal(new Dictionary<string, string> { ["env"] = "prod", ["role"] = "web" }, stored.Operator);
        Assert.Empty(stored.Enrollment);
        Assert.Equal(HttpStatusCode.OK, await Server.PostOneSampleAsync(key, host));
        Assert.Equal(HttpStatusCode.Forbidden, await Server.PostOneSampleAsync(key, Http.NewHostId("other")));
    }

    [Fact]
    public async Task TheInstallLineNamesTheOriginTheCallerReachedThroughAProxy()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/observability/agents") { Content = JsonContent.Create(new { host_id = Http.NewHostId() }) };
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "infra.example.net");

        using var response = await Operator.SendAsync(request);

        var line = (await response.JsonAsync()).GetProperty("install_command").GetString()!;
        Assert.StartsWith("curl -fsSL https://infra.example.net/agent/install.sh | sudo bash -s -- --endpoint https://infra.example.net --key ifa_", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AForwardedHostThatIsNotAPlainHostNameIsNotPutInTheInstallLine()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/observability/agents") { Content = JsonContent.Create(new { host_id = Http.NewHostId() }) };
        request.Headers.Add("X-Forwarded-Host", "evil.example;rm -rf ~");

        using var response = await Operator.SendAsync(request);

        var line = (await response.JsonAsync()).GetProperty("install_command").GetString()!;
        Assert.DoesNotContain("evil", line, StringComparison.Ordinal);
        Assert.StartsWith($"curl -fsSL {Server.BaseAddress.GetLeftPart(UriPartial.Authority)}/agent/install.sh", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"tags": {"env": "prod"}}""", "host_id")]
    [InlineData("""{"host_id": "bad\u0001id"}""", "host_id")]
    [InlineData("""{"host_id": "web-1", "tags": {"9lives": "x"}}""", "tags.9lives")]
    [InlineData("""{"host_id": "web-1", "tags": {"env": ""}}""", "tags.env")]
    [InlineData("""{"host_id": "web-1", "name": "   "}""", "name")]
    public async Task AnInvalidKeyRequestIs400NamingTheField(string body, string field)
    {
        using var response = await Operator.PostAsync("api/v1/observability/agents", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task ABodyThatIsNotJsonIs400SayingWhatToSend()
    {
        using var response = await Operator.PostAsync("api/v1/observability/agents", new StringContent("{\"host_id\": ", System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("host_id", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST", "api/v1/observability/agents")]
    [InlineData("GET", "api/v1/observability/agents")]
    [InlineData("DELETE", "api/v1/observability/agents/0123456789abcdef")]
    [InlineData("POST", "api/v1/observability/agents/0123456789abcdef/rotate")]
    [InlineData("POST", "api/v1/observability/enrollment-tokens")]
    [InlineData("GET", "api/v1/observability/enrollment-tokens")]
    [InlineData("DELETE", "api/v1/observability/enrollment-tokens/0123456789abcdef")]
    public async Task AReaderIsRefusedWith403AndNoTokenWith401OnEveryOperatorRoute(string method, string path)
    {
        HttpRequestMessage Request() => new(new HttpMethod(method), path) { Content = method == "POST" ? new StringContent("{\"host_id\":\"x\"}", System.Text.Encoding.UTF8, "application/json") : null };

        using var asReader = await fixture.Reader.SendAsync(Request());
        using var anonymous = await Server.Client.SendAsync(Request());

        var forbidden = await asReader.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("operator", forbidden.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await anonymous.ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TheListShowsHowEachKeyWasIssuedAndItsTagsButNeverItsSecretOrHash()
    {
        var host = Http.NewHostId();
        var issued = await fixture.IssueAgentAsync(host, new { env = "staging" });
        var (adminId, adminKey) = await Server.CreateAgentAsync(Http.NewHostId("admin"));

        using var response = await Operator.GetAsync("api/v1/observability/agents");
        var text = await response.Content.ReadAsStringAsync();

        var agentId = issued.GetProperty("agent_id").GetString()!;
        Assert.DoesNotContain(issued.GetProperty("key").GetString()!.Split('.')[1], text, StringComparison.Ordinal);
        Assert.DoesNotContain(adminKey.Split('.')[1], text, StringComparison.Ordinal);
        Assert.DoesNotContain("hash", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\"key\"", text, StringComparison.Ordinal);
        var listed = await fixture.ListedAgentAsync(agentId);
        Assert.Equal("operator", listed.GetProperty("issued_by").GetString());
        Assert.Equal(new[] { host }, listed.GetProperty("host_ids").EnumerateArray().Select(h => h.GetString()));
        Assert.Equal("staging", listed.GetProperty("tags").GetProperty("env").GetString());
        Assert.False(listed.GetProperty("revoked").GetBoolean());
        Assert.False(listed.TryGetProperty("last_used", out _));
        Assert.Equal("admin", (await fixture.ListedAgentAsync(adminId)).GetProperty("issued_by").GetString());
    }

    [Fact]
    public async Task LastUsedIsNotedOnTheFirstPostAndNotRewrittenByEveryPost()
    {
        var host = Http.NewHostId();
        var issued = await fixture.IssueAgentAsync(host);
        var key = issued.GetProperty("key").GetString()!;
        var agentId = issued.GetProperty("agent_id").GetString()!;
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        Assert.Equal(HttpStatusCode.OK, await Server.PostOneSampleAsync(key, host));
        var first = (await fixture.ListedAgentAsync(agentId)).GetProperty("last_used").GetDateTimeOffset();
        var etag = (await fixture.Store.GetTableAsync("agents")).GetEntity<Azure.Data.Tables.TableEntity>("agent", agentId).Value.ETag;
        Assert.Equal(HttpStatusCode.OK, await Server.PostOneSampleAsync(key, host));

        Assert.InRange(first, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(first, (await fixture.ListedAgentAsync(agentId)).GetProperty("last_used").GetDateTimeOffset());
        Assert.Equal(etag, (await fixture.Store.GetTableAsync("agents")).GetEntity<Azure.Data.Tables.TableEntity>("agent", agentId).Value.ETag);
    }

    [Fact]
    public async Task ARevokedKeyIsRefusedOnTheNextPostAndListedAsRevoked()
    {
        var host = Http.NewHostId();
        var issued = await fixture.IssueAgentAsync(host);
        var key = issued.GetProperty("key").GetString()!;
        var agentId = issued.GetProperty("agent_id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, await Server.PostOneSampleAsync(key, host));

        using var revoke = await Operator.DeleteAsync($"api/v1/observability/agents/{agentId}");

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await Server.PostOneSampleAsync(key, host));
        var listed = await fixture.ListedAgentAsync(agentId);
        Assert.True(listed.GetProperty("revoked").GetBoolean());
        Assert.True(listed.TryGetProperty("revoked_at", out _));
    }

    [Fact]
    public async Task RevokingOrRotatingAnUnknownKeyIs404()
    {
        using var revoke = await Operator.DeleteAsync("api/v1/observability/agents/0123456789abcdef");
        using var rotate = await Operator.PostAsync("api/v1/observability/agents/not-an-id/rotate", null);

        await revoke.ProblemAsync(HttpStatusCode.NotFound);
        await rotate.ProblemAsync(HttpStatusCode.NotFound);
    }
}
