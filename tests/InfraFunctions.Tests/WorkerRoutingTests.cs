using System.Net;
using InfraFunctions.Testing;

namespace InfraFunctions.Tests;

/// <summary>Requests reach the right invocation on the real worker: route values bind, and concurrent answers do not cross.</summary>
public sealed class WorkerRoutingTests(LocalHostFixture fixture) : IClassFixture<LocalHostFixture>
{
    private LocalHostServer Server => fixture.Server;

    [Fact]
    public async Task TheAgentIdInTheRouteRevokesThatAgentAndNoOther()
    {
        var (hostA, hostB) = (Http.NewHostId("ra"), Http.NewHostId("rb"));
        var (agentA, keyA) = await Server.CreateAgentAsync(hostA);
        var (_, keyB) = await Server.CreateAgentAsync(hostB);
        using var a = Server.ClientWithBearer(keyA);
        using var b = Server.ClientWithBearer(keyB);

        using (var revoke = await Server.Client.SendAsync(LocalHostServer.Admin(HttpMethod.Delete, $"api/v1/admin/agents/{agentA}")))
        {
            Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        }

        using var refused = await a.PostAsync("api/v1/ingest/samples", Samples.Json(Samples.Batch(hostA, [DateTimeOffset.UtcNow])));
        using var accepted = await b.PostAsync("api/v1/ingest/samples", Samples.Json(Samples.Batch(hostB, [DateTimeOffset.UtcNow])));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task FiftyConcurrentRequestsForDifferentHostsEachGetTheirOwnHostsAnswer()
    {
        var hosts = Enumerable.Range(0, 50).Select(i => (Id: Http.NewHostId($"c{i:00}"), Cpu: 1.5 + i)).ToArray();
        var (_, key) = await Server.CreateAgentAsync(hosts.Select(h => h.Id).ToArray());
        using var agent = Server.ClientWithBearer(key);
        foreach (var (id, cpu) in hosts)
        {
            using var post = await agent.PostAsync("api/v1/ingest/samples", Samples.Json(Samples.Batch(id, [DateTimeOffset.UtcNow], (s, _) => s["cpu"]!["percent"] = cpu)));
            post.EnsureSuccessStatusCode();
        }

        var answers = await Task.WhenAll(hosts.Select(async h =>
        {
            using var response = await fixture.Reader.GetAsync(Http.Query("api/v1/observability/infrastructure/system", h.Id));
            return (h, Status: response.StatusCode, Body: await response.JsonAsync());
        }));

        Assert.All(answers, answer =>
        {
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            Assert.Equal(answer.h.Id, answer.Body.GetProperty("host").GetString());
            Assert.Equal(answer.h.Cpu, Samples.Number(answer.Body, "cpu", "percent"));
        });
    }
}
