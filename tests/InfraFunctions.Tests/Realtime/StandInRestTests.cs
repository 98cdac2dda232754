using System.Net;
using System.Net.Http.Headers;
using InfraFunctions.Core.Realtime;
using InfraFunctions.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace InfraFunctions.Tests.Realtime;

// The stand-in's calls for closing connections and reading a group's members, as the service documents them,
// against real connections.
public sealed class StandInRestTests(RealtimeFixture fixture) : IClassFixture<RealtimeFixture>
{
    private RealtimeServer Realtime => fixture.Realtime;

    private async Task<(string TokenId, string Secret)> NewReaderAsync()
    {
        using var response = await fixture.Server.Client.SendAsync(LocalHostServer.Admin(HttpMethod.Post, "api/v1/admin/tokens", new { role = "reader", name = "stand-in" }));
        var body = await response.JsonAsync();
        return (body.GetProperty("token_id").GetString()!, body.GetProperty("token").GetString()!);
    }

    private async Task<HttpResponseMessage> CallAsync(HttpMethod method, string pathAndQuery, string? key = null)
    {
        var url = new Uri($"{Realtime.BaseUrl}{pathAndQuery}");
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SignalRTokens.ForRequest(key ?? Realtime.AccessKey, url, DateTimeOffset.UtcNow));
        return await fixture.Server.Client.SendAsync(request);
    }

    private static Task ClosedAsync(HubConnection connection)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        return closed.Task;
    }

    [Fact]
    public async Task ClosingAUsersConnectionsAnswers204AndClosesThoseOnly()
    {
        var (userA, secretA) = await NewReaderAsync();
        var (_, secretB) = await NewReaderAsync();
        await using var a1 = await Realtime.ConnectAsync(secretA);
        await using var a2 = await Realtime.ConnectAsync(secretA);
        await using var kept = await Realtime.ConnectAsync(secretA);
        await using var b = await Realtime.ConnectAsync(secretB);
        var (a1Closed, a2Closed) = (ClosedAsync(a1), ClosedAsync(a2));
        var path = $"/api/hubs/{RealtimeServer.Hub}/users/{userA}/:closeConnections";

        using (var forged = await CallAsync(HttpMethod.Post, $"{path}?api-version=2022-06-01", new string('x', 44)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        }

        Assert.Equal(HubConnectionState.Connected, a1.State);
        using (var close = await CallAsync(HttpMethod.Post, $"{path}?excluded={kept.ConnectionId}&reason=revoked&api-version=2022-06-01"))
        {
            Assert.Equal(HttpStatusCode.NoContent, close.StatusCode);
        }

        await Task.WhenAll(a1Closed, a2Closed).WaitAsync(TimeSpan.FromSeconds(10));
        foreach (var (connection, exists) in new[] { (a1, false), (kept, true), (b, true) })
        {
            using var head = await CallAsync(HttpMethod.Head, $"/api/hubs/{RealtimeServer.Hub}/connections/{connection.ConnectionId}?api-version=2022-06-01");
            Assert.Equal(exists ? HttpStatusCode.OK : HttpStatusCode.NotFound, head.StatusCode);
        }
    }

    [Fact]
    public async Task ClosingOneConnectionAnswers200AndTheClientSeesItClosed()
    {
        await using var connection = await Realtime.ConnectAsync(fixture.ReaderToken);
        var closed = ClosedAsync(connection);
        using var close = await CallAsync(HttpMethod.Delete, $"/api/hubs/{RealtimeServer.Hub}/connections/{connection.ConnectionId}?reason=bye&api-version=2022-06-01");
        Assert.Equal(HttpStatusCode.OK, close.StatusCode);
        await closed.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task AGroupsConnectionsAreListedWithTheUserTheirClientTokenNamed()
    {
        var (user, secret) = await NewReaderAsync();
        await using var connection = await Realtime.ConnectAsync(secret);
        var group = $"members-{Guid.NewGuid():N}";
        using (var add = await CallAsync(HttpMethod.Put, $"/api/hubs/{RealtimeServer.Hub}/groups/{group}/connections/{connection.ConnectionId}?api-version=2022-06-01"))
        {
            Assert.Equal(HttpStatusCode.OK, add.StatusCode);
        }

        var list = $"/api/hubs/{RealtimeServer.Hub}/groups/{group}/connections";
        using (var old = await CallAsync(HttpMethod.Get, $"{list}?api-version=2022-06-01"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
        }

        using var listed = await CallAsync(HttpMethod.Get, $"{list}?api-version=2024-12-01");
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        var member = Assert.Single((await listed.JsonAsync()).GetProperty("value").EnumerateArray());
        Assert.Equal(connection.ConnectionId, member.GetProperty("connectionId").GetString());
        Assert.Equal(user, member.GetProperty("userId").GetString());

        using var empty = await CallAsync(HttpMethod.Get, $"/api/hubs/{RealtimeServer.Hub}/groups/nobody-{Guid.NewGuid():N}/connections?api-version=2024-12-01");
        Assert.Empty((await empty.JsonAsync()).GetProperty("value").EnumerateArray());
    }
}
