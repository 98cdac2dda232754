using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using Azure.Core;
using InfraFunctions.Core.Realtime;
using InfraFunctions.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Polly.CircuitBreaker;

namespace InfraFunctions.Core.Tests.Realtime;

/// <summary>The REST client against a loopback server that records requests and answers with a scripted status.</summary>
public sealed class SignalRRestClientTests : IAsyncLifetime
{
    private const string Key = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmn012=";
    private readonly ConcurrentQueue<(string Method, string Target, string? Authorization, string Body)> _requests = new();
    private readonly ConcurrentQueue<int> _script = new();
    private LoopbackServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync(app => app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            _requests.Enqueue((context.Request.Method, context.Request.Path + context.Request.QueryString, context.Request.Headers.Authorization.ToString(), body));
            context.Response.StatusCode = _script.TryDequeue(out var status) ? status : 202;
            if (context.Request.Path.Value!.EndsWith(":generateToken", StringComparison.Ordinal))
            {
                context.Response.StatusCode = 200;
                await context.Response.WriteAsync("{\"token\":\"issued-by-the-service\"}");
            }
            else if (context.Request.Method == "GET" && context.Response.StatusCode == 202)
            {
                context.Response.StatusCode = 200;
                await context.Response.WriteAsync("{\"value\":[{\"connectionId\":\"c1\",\"userId\":\"tok_a\"}]}");
            }
        }));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private SignalRRestClient Client(string connectionString, TokenCredential? credential = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AzureSignalRConnectionString"] = connectionString }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System).AddSingleton<IConfiguration>(configuration);
        if (credential is not null)
        {
            services.AddSingleton(sp => new SignalRAccess(SignalRAccess.FromConfiguration(configuration), TimeProvider.System, credential));
        }

        return services.AddRealtime(configuration).BuildServiceProvider().GetRequiredService<SignalRRestClient>();
    }

    private string KeyConnection => $"Endpoint=http://127.0.0.1;Port={_server.BaseAddress.Port};AccessKey={Key};Version=1.0;";

    [Fact]
    public async Task GroupSendPostsTheDocumentedPathBodyAndAPerRequestToken()
    {
        await Client(KeyConnection).SendToGroupAsync("host-a", "metrics.updated", Encoding.UTF8.GetBytes("{\"x\":1}"));

        var (method, target, authorization, body) = Assert.Single(_requests);
        Assert.Equal("POST", method);
        Assert.Equal("/api/hubs/observability/groups/host-a/:send?api-version=2022-06-01", target);
        Assert.Equal("{\"target\":\"metrics.updated\",\"arguments\":[{\"x\":1}]}", body);
        var token = new JsonWebToken(authorization!["Bearer ".Length..]);
        Assert.Equal($"http://127.0.0.1:{_server.BaseAddress.Port}/api/hubs/observability/groups/host-a/:send", Assert.Single(token.Audiences));
    }

    [Fact]
    public async Task MembershipAndHealthUseTheDocumentedMethodsAndPaths()
    {
        var client = Client(KeyConnection);
        _script.Enqueue(200);
        Assert.True(await client.AddToGroupAsync("observability-metrics", "c1"));
        _script.Enqueue(404);
        Assert.False(await client.AddToGroupAsync("observability-metrics", "gone"));
        await client.RemoveFromGroupAsync("host-a", "c1");
        await client.RemoveFromAllGroupsAsync("c1");
        _script.Enqueue(200);
        Assert.True(await client.IsHealthyAsync());
        await client.BroadcastAsync("t", Encoding.UTF8.GetBytes("1"));

        Assert.Equal(
            [
                "PUT /api/hubs/observability/groups/observability-metrics/connections/c1?api-version=2022-06-01",
                "PUT /api/hubs/observability/groups/observability-metrics/connections/gone?api-version=2022-06-01",
                "DELETE /api/hubs/observability/groups/host-a/connections/c1?api-version=2022-06-01",
                "DELETE /api/hubs/observability/connections/c1/groups?api-version=2022-06-01",
                "HEAD /api/health?api-version=2022-06-01",
                "POST /api/hubs/observability/:send?api-version=2022-06-01",
            ],
            _requests.Select(r => $"{r.Method} {r.Target}"));
    }

    [Fact]
    public async Task ClosingAUsersConnectionsAndFindingAConnectionsUserUseTheDocumentedCalls()
    {
        var client = Client(KeyConnection);
        _script.Enqueue(204);
        await client.CloseUserConnectionsAsync("tok_a", "revoked");
        _script.Enqueue(200);
        Assert.Equal((true, "tok_a"), await client.UserOfConnectionAsync("c1"));
        _script.Enqueue(404);
        Assert.Equal((false, null), await client.UserOfConnectionAsync("gone"));

        Assert.Equal(
            [
                "POST /api/hubs/observability/users/tok_a/:closeConnections?reason=revoked&api-version=2022-06-01",
                "PUT /api/hubs/observability/groups/connection-c1/connections/c1?api-version=2022-06-01",
                "GET /api/hubs/observability/groups/connection-c1/connections?top=10&api-version=2024-12-01",
                "PUT /api/hubs/observability/groups/connection-gone/connections/gone?api-version=2022-06-01",
            ],
            _requests.Select(r => $"{r.Method} {r.Target}"));
        var token = new JsonWebToken(_requests.First().Authorization!["Bearer ".Length..]);
        Assert.Equal($"http://127.0.0.1:{_server.BaseAddress.Port}/api/hubs/observability/users/tok_a/:closeConnections", Assert.Single(token.Audiences));
    }

    [Fact]
    public async Task ThrottlingAndServerErrorsAreRetriedWithBackoff()
    {
        _script.Enqueue(429);
        _script.Enqueue(503);
        await Client(KeyConnection).SendToGroupAsync("g", "t", Encoding.UTF8.GetBytes("1"));
        Assert.Equal(3, _requests.Count);
    }

    [Fact]
    public async Task AnOutageOpensTheCircuitSoLaterCallsFailAtOnce()
    {
        for (var i = 0; i < 100; i++)
        {
            _script.Enqueue(500);
        }

        var client = Client(KeyConnection);
        var broken = false;
        for (var i = 0; i < 10 && !broken; i++)
        {
            try
            {
                await client.SendToGroupAsync("g", "t", Encoding.UTF8.GetBytes("1"));
            }
            catch (SignalRServiceException ex)
            {
                Assert.Equal(HttpStatusCode.InternalServerError, ex.Status);
            }
            catch (BrokenCircuitException)
            {
                broken = true;
            }
        }

        Assert.True(broken, "The circuit never opened.");
        var seen = _requests.Count;
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAsync<BrokenCircuitException>(() => client.SendToGroupAsync("g", "t", Encoding.UTF8.GetBytes("1")));
        Assert.True(watch.Elapsed < TimeSpan.FromMilliseconds(500), $"An open circuit took {watch.ElapsedMilliseconds} ms.");
        Assert.Equal(seen, _requests.Count);
    }

    [Fact]
    public async Task ManagedIdentityCallsCarryTheEntraTokenAndClientTokensComeFromTheService()
    {
        var credential = new RecordingCredential();
        var client = Client($"Endpoint=http://127.0.0.1;Port={_server.BaseAddress.Port};AuthType=azure.msi;ClientId=abc;Version=1.0;", credential);

        Assert.Equal("issued-by-the-service", await client.GenerateClientTokenAsync("tok_1", 60));
        await client.SendToGroupAsync("g", "t", Encoding.UTF8.GetBytes("1"));

        Assert.All(credential.Scopes, s => Assert.Equal(["https://signalr.azure.com/.default"], s));
        Assert.All(_requests, r => Assert.Equal("Bearer entra-token", r.Authorization));
        Assert.Equal("/api/hubs/observability/:generateToken?userId=tok_1&minutesToExpire=60&api-version=2024-12-01", _requests.First().Target);
    }

    // Managed identity cannot run outside Azure: this stands in for the token endpoint and records the scopes asked for.
    private sealed class RecordingCredential : TokenCredential
    {
        public ConcurrentBag<string[]> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes.Add(requestContext.Scopes);
            return new AccessToken("entra-token", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(GetToken(requestContext, cancellationToken));
    }
}
