using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace InfraFunctions.Testing;

/// <summary>A token request the managed identity endpoint received, and why it was refused (null when it was not).</summary>
public sealed record IdentityRequest(string? Resource, string? ClientId, string? Refused);

/// <summary>
/// A loopback stand-in for App Service's managed identity endpoint, which Azure.Identity's ManagedIdentityCredential
/// uses when <c>IDENTITY_ENDPOINT</c> and <c>IDENTITY_HEADER</c> are set:
/// <c>GET {IDENTITY_ENDPOINT}?api-version=2019-08-01&amp;resource=...[&amp;client_id=...]</c> with the
/// <c>X-IDENTITY-HEADER</c> secret, answered with <c>access_token</c>, <c>expires_on</c> (Unix seconds), <c>resource</c>
/// and <c>token_type</c>. The token names the scope it is for (<c>test-token-for {resource}/.default</c>), so the APIs
/// it is sent to can be checked for the audience too.
/// </summary>
public sealed class ManagedIdentityServer : IAsyncDisposable
{
    public const string ApiVersion = "2019-08-01";

    private LoopbackServer _server = null!;

    private ManagedIdentityServer(string? clientId) => ClientId = clientId;

    /// <summary>The user-assigned identity's client id every request must name; null for the system-assigned identity.</summary>
    public string? ClientId { get; }

    public string Secret { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    public Uri Endpoint => new(_server.BaseAddress, "/msi/token");

    public ConcurrentQueue<IdentityRequest> Requests { get; } = new();

    /// <summary>The app settings that point the app's managed identity credential here.</summary>
    public IReadOnlyDictionary<string, string?> AppSettings => new Dictionary<string, string?>
    {
        ["IDENTITY_ENDPOINT"] = Endpoint.ToString(),
        ["IDENTITY_HEADER"] = Secret,
    };

    public static async Task<ManagedIdentityServer> StartAsync(string? clientId = null)
    {
        var server = new ManagedIdentityServer(clientId);
        server._server = await LoopbackServer.StartAsync(app => app.MapGet("/msi/token", server.Token));
        return server;
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private IResult Token(HttpContext context)
    {
        var query = context.Request.Query;
        string? resource = query["resource"];
        string? clientId = query["client_id"];
        var refused = context.Request.Headers["X-IDENTITY-HEADER"] != Secret ? "the X-IDENTITY-HEADER is not IDENTITY_HEADER"
            : query["api-version"] != ApiVersion ? $"api-version is not {ApiVersion}"
            : string.IsNullOrEmpty(resource) ? "no resource"
            : clientId != ClientId ? $"client_id '{clientId}' is not '{ClientId}'"
            : null;
        Requests.Enqueue(new IdentityRequest(resource, clientId, refused));
        if (refused is not null)
        {
            return Json(new JsonObject { ["error"] = "invalid_request", ["error_description"] = refused }, StatusCodes.Status400BadRequest);
        }

        var expiresOn = TimeProvider.System.GetUtcNow().AddHours(1).ToUnixTimeSeconds();
        return Json(new JsonObject
        {
            ["access_token"] = $"test-token-for {resource!.TrimEnd('/')}/.default",
            ["expires_on"] = expiresOn.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["resource"] = resource,
            ["token_type"] = "Bearer",
            ["client_id"] = ClientId,
        });
    }

    private static IResult Json(JsonObject body, int status = StatusCodes.Status200OK) =>
        Results.Content(body.ToJsonString(), "application/json", System.Text.Encoding.UTF8, status);
}
