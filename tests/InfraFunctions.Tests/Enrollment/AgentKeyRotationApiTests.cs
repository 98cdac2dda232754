using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InfraFunctions.Testing;

namespace InfraFunctions.Tests.Enrollment;

public sealed class AgentKeyRotationApiTests(OperatorFixture fixture) : IClassFixture<OperatorFixture>
{
    private LocalHostServer Server => fixture.Server;

    private HttpClient Operator => fixture.Operator;

    [Fact]
    public async Task DuringTheGraceBothKeysWorkAndTheRotationIsListed()
    {
        var host = Http.NewHostId();
        var issued = await fixture.IssueAgentAsync(host);
        var oldKey = issued.GetProperty("key").GetString()!;
        var agentId = issued.GetProperty("agent_id").GetString()!;

        using var response = await Operator.PostAsJsonAsync($"api/v1/observability/agents/{agentId}/rotate", new { grace_seconds = 3600 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rotated = await response.JsonAsync();
        var newKey = rotated.GetProperty("key").GetString()!;
        Assert.Equal(agentId, rotated.GetProperty("agent_id").GetString());
        Assert.StartsWith($"ifa_{agentId}.", newKey, StringComparison.Ordinal);
        Assert.NotEqual(oldKey, newKey);
        Assert.EndsWith($"--key {newKey}", rotated.GetProperty("install_command").GetString(), StringComparison.Ordinal);
        var expires = rotated.GetProperty("old_key_expires_at").GetDateTimeOffset();
        Assert.InRange(expires, DateTimeOffset.UtcNow.AddMinutes(59), DateTimeOffset.UtcNow.AddMinutes(61));
        Assert.Equal(HttpStatusCode.OK, await Server.PostOneSampleAsync(oldKey, host));
        Assert.Equal(HttpStatusCode.OK, await Server.PostOneSampleAsync(newKey, host));
        var listed = await fixture.ListedAgentAsync(agentId);
        Assert.Equal(expires, listed.GetProperty("old_key_expires_at").GetDateTimeOffset());
        Assert.True(listed.TryGetProperty("rotated_at", out _));
    }

    [Fact]
    public async Task WithNoGraceTheOldKeyIsRefusedAtOnceAndTheNewOneWorks()
    {
        var host = Http.NewHostId();
        var issued = await fixture.IssueAgentAsync(host);
        var oldKey = issued.GetProperty("key").GetString()!;

        using var response = await Operator.PostAsJsonAsync($"api/v1/observability/agents/{issued.GetProperty("agent_id").GetString()}/rotate", new { grace_seconds = 0 });

        var newKey = (await response.JsonAsync()).GetProperty("key").GetString()!;
        Assert.Equal(HttpStatusCode.Unauthorized, await Server.PostOneSampleAsync(oldKey, host));
        Assert.Equal(HttpStatusCode.OK, await Server.PostOneSampleAsync(newKey, host));
    }

    [Fact]
    public async Task ARotationWithoutABodyGivesTheOldKeyAnHour()
    {
        var issued = await fixture.IssueAgentAsync(Http.NewHostId());

        using var response = await Operator.PostAsync($"api/v1/observability/agents/{issued.GetProperty("agent_id").GetString()}/rotate", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.InRange((await response.JsonAsync()).GetProperty("old_key_expires_at").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(59), DateTimeOffset.UtcNow.AddMinutes(61));
    }

    [Theory]
    [InlineData("""{"grace_seconds": -1}""")]
    [InlineData("""{"grace_seconds": 604801}""")]
    public async Task AGraceOutsideZeroToSevenDaysIs400NamingTheField(string body)
    {
        var issued = await fixture.IssueAgentAsync(Http.NewHostId());

        using var response = await Operator.PostAsync($"api/v1/observability/agents/{issued.GetProperty("agent_id").GetString()}/rotate", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("grace_seconds", out _));
    }

    [Fact]
    public async Task ARevokedKeyCannotBeRotatedBackToLife()
    {
        var host = Http.NewHostId();
        var issued = await fixture.IssueAgentAsync(host);
        var agentId = issued.GetProperty("agent_id").GetString()!;
        (await Operator.DeleteAsync($"api/v1/observability/agents/{agentId}")).EnsureSuccessStatusCode();

        using var response = await Operator.PostAsync($"api/v1/observability/agents/{agentId}/rotate", null);

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("POST /api/v1/observability/agents", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, await Server.PostOneSampleAsync(issued.GetProperty("key").GetString()!, host));
    }

    [Fact]
    public async Task AnAgentKeyLearnsItsIdAndHostsAndATokenLearnsItsRole()
    {
        var host = Http.NewHostId();
        var issued = await fixture.IssueAgentAsync(host);
        using var agent = Server.ClientWithBearer(issued.GetProperty("key").GetString()!);

        using var identity = await agent.GetAsync("api/v1/ingest/identity");
        using var readerAsAgent = await fixture.Reader.GetAsync("api/v1/ingest/identity");
        using var me = await Operator.GetAsync("api/v1/observability/me");
        using var readerMe = await fixture.Reader.GetAsync("api/v1/observability/me");
        using var agentAsReader = await agent.GetAsync("api/v1/observability/me");

        var who = await identity.JsonAsync();
        Assert.Equal(issued.GetProperty("agent_id").GetString(), who.GetProperty("agent_id").GetString());
        Assert.Equal(new[] { host }, who.GetProperty("host_ids").EnumerateArray().Select(h => h.GetString()));
        await readerAsAgent.ProblemAsync(HttpStatusCode.Unauthorized);
        var op = await me.JsonAsync();
        Assert.Equal(("operator", "on-call"), (op.GetProperty("role").GetString(), op.GetProperty("name").GetString()));
        Assert.Matches("^[0-9a-f]{16}$", op.GetProperty("token_id").GetString());
        Assert.Equal("reader", (await readerMe.JsonAsync()).GetProperty("role").GetString());
        await agentAsReader.ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TheTokenIdThatMeReportsIsTheOneTheAdminListShows()
    {
        using var me = await Operator.GetAsync("api/v1/observability/me");
        var tokenId = (await me.JsonAsync()).GetProperty("token_id").GetString();

        using var list = await Server.Client.SendAsync(LocalHostServer.Admin(HttpMethod.Get, "api/v1/admin/tokens"));

        var token = (await list.JsonAsync()).GetProperty("tokens").EnumerateArray().Single(t => t.GetProperty("token_id").GetString() == tokenId);
        Assert.Equal("operator", token.GetProperty("role").GetString());
    }
}
