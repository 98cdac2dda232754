using System.Net;
using InfraFunctions.Testing;

namespace InfraFunctions.Tests;

public sealed class AuthTests(LocalHostFixture fixture) : IClassFixture<LocalHostFixture>
{
    private LocalHostServer Server => fixture.Server;

    private static HttpContent OneSample(string host) => Samples.Json(Samples.Batch(host, [DateTimeOffset.UtcNow]));

    [Fact]
    public async Task IngestWithoutKeyIsUnauthorized()
    {
        using var response = await Server.Client.PostAsync("api/v1/ingest/samples", OneSample("web-1"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task IngestWithUnknownKeyIsUnauthorized()
    {
        using var forged = Server.ClientWithBearer("ifa_0123456789abcdef.notarealkey");

        using var response = await forged.PostAsync("api/v1/ingest/samples", OneSample("web-1"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task KeyBoundToOtherHostsIsForbiddenAndWritesNothing()
    {
        var mine = Http.NewHostId("mine");
        var theirs = Http.NewHostId("theirs");
        var (_, key) = await Server.CreateAgentAsync(mine);
        using var agent = Server.ClientWithBearer(key);

        using var response = await agent.PostAsync("api/v1/ingest/samples", OneSample(theirs));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(mine, (await response.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var read = await fixture.Reader.GetAsync(Http.Query("api/v1/observability/infrastructure/system", theirs));
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task RevokedKeyIsRefusedAtOnce()
    {
        var host = Http.NewHostId();
        var (agentId, key) = await Server.CreateAgentAsync(host);
        using var agent = Server.ClientWithBearer(key);
        (await agent.PostAsync("api/v1/ingest/samples", OneSample(host))).EnsureSuccessStatusCode();

        using (var revoke = await Server.Client.SendAsync(LocalHostServer.Admin(HttpMethod.Delete, $"api/v1/admin/agents/{agentId}")))
        {
            Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        }

        using var response = await agent.PostAsync("api/v1/ingest/samples", OneSample(host));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("api/v1/observability/hosts")]
    [InlineData("api/v1/observability/infrastructure/system")]
    [InlineData("api/v1/observability/infrastructure/process")]
    [InlineData("api/v1/observability/infrastructure/platform")]
    [InlineData("api/v1/observability/infrastructure/health")]
    [InlineData("api/v1/observability/infrastructure/report")]
    [InlineData("api/v1/observability/infrastructure/summary")]
    public async Task EveryReadEndpointRefusesARequestWithoutAToken(string path)
    {
        using var response = await Server.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task AgentKeyIsNotAReaderToken()
    {
        var (_, key) = await Server.CreateAgentAsync(Http.NewHostId());
        using var agent = Server.ClientWithBearer(key);

        using var response = await agent.GetAsync("api/v1/observability/hosts");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task RevokedReaderTokenIsRefused()
    {
        using var create = await Server.Client.SendAsync(LocalHostServer.Admin(HttpMethod.Post, "api/v1/admin/tokens", new { role = "reader", name = "short-lived" }));
        var created = await create.JsonAsync();
        using var reader = Server.ClientWithBearer(created.GetProperty("token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("api/v1/observability/hosts")).StatusCode);

        (await Server.Client.SendAsync(LocalHostServer.Admin(HttpMethod.Delete, $"api/v1/admin/tokens/{created.GetProperty("token_id").GetString()}"))).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Unauthorized, (await reader.GetAsync("api/v1/observability/hosts")).StatusCode);
    }

    [Fact]
    public async Task AdminRoutesNeedTheMasterKey()
    {
        using var noKey = await Server.Client.PostAsync("api/v1/admin/tokens", Samples.Json(System.Text.Json.Nodes.JsonNode.Parse("""{"role":"reader","name":"x"}""")!));
        using var wrongKey = new HttpRequestMessage(HttpMethod.Get, "api/v1/admin/agents?code=wrong");
        using var wrong = await Server.Client.SendAsync(wrongKey);
        using var readerTried = await fixture.Reader.GetAsync("api/v1/admin/agents");
        using var viaQuery = await Server.Client.GetAsync($"api/v1/admin/agents?code={LocalHostServer.MasterKey}");

        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, readerTried.StatusCode);
        Assert.Equal(HttpStatusCode.OK, viaQuery.StatusCode);
    }

    [Fact]
    public async Task IssuedSecretsAreShownOnceAndListingsHoldNoSecret()
    {
        var (agentId, key) = await Server.CreateAgentAsync(Http.NewHostId());

        using var list = await Server.Client.SendAsync(LocalHostServer.Admin(HttpMethod.Get, "api/v1/admin/agents"));
        var body = await list.Content.ReadAsStringAsync();

        Assert.Contains(agentId, body, StringComparison.Ordinal);
        Assert.DoesNotContain(key.Split('.')[1], body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenRequestWithUnknownRoleIsABadRequestNamingTheField()
    {
        using var response = await Server.Client.SendAsync(LocalHostServer.Admin(HttpMethod.Post, "api/v1/admin/tokens", new { role = "root", name = "x" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("role", out _));
    }
}
