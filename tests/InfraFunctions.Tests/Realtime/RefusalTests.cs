using System.Net;
using System.Net.Http.Headers;
using System.Text;
using InfraFunctions.Core.Realtime;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace InfraFunctions.Tests.Realtime;

public sealed class RefusalTests(RealtimeFixture fixture) : IClassFixture<RealtimeFixture>
{
    private RealtimeServer Realtime => fixture.Realtime;

    public static TheoryData<string, HttpTransportType> Transports => new()
    {
        { "websockets", HttpTransportType.WebSockets },
        { "server-sent events", HttpTransportType.ServerSentEvents },
        { "long polling", HttpTransportType.LongPolling },
    };

    private async Task<HttpStatusCode?> ConnectDirectlyAsync(string token, string url, HttpTransportType transport = HttpTransportType.WebSockets)
    {
        await using var connection = new HubConnectionBuilder()
            .WithUrl(url, transport, o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        try
        {
            await connection.StartAsync();
            return null;
        }
        catch (HttpRequestException ex)
        {
            return ex.StatusCode;
        }
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task AValidClientTokenConnectsOverEveryTransport(string name, HttpTransportType transport)
    {
        var token = SignalRTokens.ForClient(Realtime.AccessKey, Realtime.ClientUrl, "someone", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
        Assert.True(await ConnectDirectlyAsync(token, Realtime.ClientUrl, transport) is null, $"{name} did not connect");
    }

    [Fact]
    public async Task AnExpiredClientTokenIsRefused()
    {
        var token = SignalRTokens.ForClient(Realtime.AccessKey, Realtime.ClientUrl, "someone", DateTimeOffset.UtcNow.AddHours(-2), TimeSpan.FromMinutes(60));
        Assert.Equal(HttpStatusCode.Unauthorized, await ConnectDirectlyAsync(token, Realtime.ClientUrl));
    }

    [Fact]
    public async Task AClientTokenSignedWithAnotherKeyIsRefused()
    {
        var token = SignalRTokens.ForClient(new string('k', 44), Realtime.ClientUrl, "someone", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.Unauthorized, await ConnectDirectlyAsync(token, Realtime.ClientUrl));
    }

    [Fact]
    public async Task AClientTokenForAnotherAudienceIsRefused()
    {
        var token = SignalRTokens.ForClient(Realtime.AccessKey, $"{Realtime.BaseUrl}/client/?hub=elsewhere", "someone", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.Unauthorized, await ConnectDirectlyAsync(token, Realtime.ClientUrl));
    }

    [Fact]
    public async Task AnUnknownHubIsNotFoundForClientsAndTheRestApi()
    {
        var url = $"{Realtime.BaseUrl}/client/?hub=elsewhere";
        Assert.Equal(HttpStatusCode.NotFound, await ConnectDirectlyAsync(SignalRTokens.ForClient(Realtime.AccessKey, url, "x", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)), url));

        using var response = await SendAsync(new Uri($"{Realtime.BaseUrl}/api/hubs/elsewhere/:send?api-version=2022-06-01"), Realtime.AccessKey);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ARestCallSignedWithAnotherKeyIsRefusedAndTheRightKeyIsAccepted()
    {
        var url = new Uri($"{Realtime.BaseUrl}/api/hubs/{RealtimeServer.Hub}/groups/somegroup/:send?api-version=2022-06-01");
        using (var forged = await SendAsync(url, new string('x', 44)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
            Assert.Equal("application/problem+json", forged.Content.Headers.ContentType!.MediaType);
        }

        using var accepted = await SendAsync(url, Realtime.AccessKey);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
    }

    [Fact]
    public async Task ARestTokenForAnotherUrlIsRefused()
    {
        var url = new Uri($"{Realtime.BaseUrl}/api/hubs/{RealtimeServer.Hub}/:send?api-version=2022-06-01");
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent("{\"target\":\"t\",\"arguments\":[]}", Encoding.UTF8, "application/json") };
        var elsewhere = new Uri($"{Realtime.BaseUrl}/api/hubs/{RealtimeServer.Hub}/groups/admins/:send");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SignalRTokens.ForRequest(Realtime.AccessKey, elsewhere, DateTimeOffset.UtcNow));
        using var response = await fixture.Server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task NegotiateNeedsAReaderToken()
    {
        using var response = await fixture.Server.Client.PostAsync("api/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task NegotiateReturnsTheClientUrlAndATokenForIt()
    {
        using var response = await fixture.Reader.PostAsync("api/negotiate?negotiateVersion=1", null);
        var body = await response.JsonAsync();
        Assert.Equal(Realtime.ClientUrl, body.GetProperty("url").GetString());
        var token = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(body.GetProperty("accessToken").GetString());
        Assert.Equal(Realtime.ClientUrl, Assert.Single(token.Audiences));
        Assert.False(string.IsNullOrEmpty(token.GetClaim("nameid").Value));
        // Five minutes by default: a revoked reader's client token opens no connection for long.
        Assert.InRange(token.ValidTo - DateTime.UtcNow, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(6));
    }

    [Fact]
    public async Task StartStreamRefusesAnUnknownConnectionAndAnUnknownHostWithProblems()
    {
        var (host, _) = await fixture.ReportingHostAsync();
        using (var unknownConnection = await Realtime.StartStreamAsync(fixture.Reader, "no-such-connection", host))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknownConnection.StatusCode);
            Assert.Equal("application/problem+json", unknownConnection.Content.Headers.ContentType!.MediaType);
            Assert.Contains("no-such-connection", (await unknownConnection.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        await using var connection = await Realtime.ConnectAsync(fixture.ReaderToken);
        using (var unknownHost = await Realtime.StartStreamAsync(fixture.Reader, connection.ConnectionId!, "never-reported"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknownHost.StatusCode);
            Assert.Contains("never-reported", (await unknownHost.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using (var missing = await fixture.Reader.PostAsync("api/v1/observability/start-metrics-stream", new StringContent("{}", Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
            Assert.True((await missing.JsonAsync()).GetProperty("errors").TryGetProperty("connection_id", out _));
        }

        using var stopUnknown = await Realtime.StopStreamAsync(fixture.Reader, "no-such-connection");
        Assert.Equal(HttpStatusCode.NotFound, stopUnknown.StatusCode);
    }

    private async Task<HttpResponseMessage> SendAsync(Uri url, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent("{\"target\":\"t\",\"arguments\":[1]}", Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SignalRTokens.ForRequest(key, url, DateTimeOffset.UtcNow));
        return await fixture.Server.Client.SendAsync(request);
    }
}
