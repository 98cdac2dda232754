using System.Net;
using System.Net.Http.Headers;

namespace InfraFunctions.Core.Realtime;

/// <summary>
/// SignalR Service's data-plane REST API, version 2022-06-01 (README "Live updates"): hub and group sends, group membership,
/// connection existence, closing a user's connections and health. Retries and the circuit breaker sit in the
/// HttpClient's resilience handler.
/// </summary>
public sealed class SignalRRestClient(HttpClient http, SignalRAccess access, IOptions<SignalROptions> options)
{
    public const string ApiVersion = "2022-06-01";

    // :generateToken and listing a group's connections are documented from 2024-12-01 on; everything else uses 2022-06-01.
    public const string GenerateTokenApiVersion = "2024-12-01";
    public const string ListGroupApiVersion = "2024-12-01";

    private string Hub => Uri.EscapeDataString(options.Value.HubName);

    /// <summary>Sends to every connection of the hub.</summary>
    public Task BroadcastAsync(string target, ReadOnlyMemory<byte> argumentJson, CancellationToken cancellationToken = default) =>
        SendAsync($"/api/hubs/{Hub}/:send", target, argumentJson, cancellationToken);

    /// <summary>Sends to every connection in <paramref name="group"/>.</summary>
    public Task SendToGroupAsync(string group, string target, ReadOnlyMemory<byte> argumentJson, CancellationToken cancellationToken = default) =>
        SendAsync($"/api/hubs/{Hub}/groups/{Uri.EscapeDataString(group)}/:send", target, argumentJson, cancellationToken);

    /// <summary>Adds a connection to a group; false when the service does not know the connection.</summary>
    public async Task<bool> AddToGroupAsync(string group, string connectionId, CancellationToken cancellationToken = default)
    {
        using var response = await CallAsync(HttpMethod.Put, $"/api/hubs/{Hub}/groups/{Uri.EscapeDataString(group)}/connections/{Uri.EscapeDataString(connectionId)}", null, cancellationToken);
        return response.StatusCode != HttpStatusCode.NotFound && EnsureSuccess(response);
    }

    public async Task RemoveFromGroupAsync(string group, string connectionId, CancellationToken cancellationToken = default)
    {
        using var response = await CallAsync(HttpMethod.Delete, $"/api/hubs/{Hub}/groups/{Uri.EscapeDataString(group)}/connections/{Uri.EscapeDataString(connectionId)}", null, cancellationToken);
        _ = response.StatusCode == HttpStatusCode.NotFound || EnsureSuccess(response);
    }

    /// <summary>Removes a connection from every group it is in.</summary>
    public async Task RemoveFromAllGroupsAsync(string connectionId, CancellationToken cancellationToken = default)
    {
        using var response = await CallAsync(HttpMethod.Delete, $"/api/hubs/{Hub}/connections/{Uri.EscapeDataString(connectionId)}/groups", null, cancellationToken);
        _ = response.StatusCode == HttpStatusCode.NotFound || EnsureSuccess(response);
    }

    public async Task<bool> ConnectionExistsAsync(string connectionId, CancellationToken cancellationToken = default)
    {
        using var response = await CallAsync(HttpMethod.Head, $"/api/hubs/{Hub}/connections/{Uri.EscapeDataString(connectionId)}", null, cancellationToken);
        return response.StatusCode != HttpStatusCode.NotFound && EnsureSuccess(response);
    }

    /// <summary>
    /// The user a connection belongs to (the <c>nameid</c> of the client token it connected with), or
    /// <c>Exists: false</c> when the service does not know the connection. The service has no direct lookup, so
    /// the connection joins a group of its own, named after it, and that group's one member is read back.
    /// Nothing is ever sent to that group.
    /// </summary>
    public async Task<(bool Exists, string? UserId)> UserOfConnectionAsync(string connectionId, CancellationToken cancellationToken = default)
    {
        var group = RealtimeNames.ConnectionGroup(connectionId);
        if (!await AddToGroupAsync(group, connectionId, cancellationToken))
        {
            return (false, null);
        }

        using var response = await CallAsync(HttpMethod.Get, $"/api/hubs/{Hub}/groups/{Uri.EscapeDataString(group)}/connections", null, cancellationToken, "top=10", ListGroupApiVersion);
        EnsureSuccess(response);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var doc = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        foreach (var member in doc.RootElement.GetProperty("value").EnumerateArray())
        {
            if (member.GetProperty("connectionId").GetString() == connectionId)
            {
                return (true, member.TryGetProperty("userId", out var user) && user.ValueKind == JsonValueKind.String ? user.GetString() : null);
            }
        }

        // It joined a moment ago and is gone now: it closed in between.
        return (false, null);
    }

    /// <summary>Closes every connection of a user; the clients see a close without reconnect.</summary>
    public async Task CloseUserConnectionsAsync(string userId, string reason, CancellationToken cancellationToken = default)
    {
        using var response = await CallAsync(HttpMethod.Post, $"/api/hubs/{Hub}/users/{Uri.EscapeDataString(userId)}/:closeConnections", null, cancellationToken,
            $"reason={Uri.EscapeDataString(reason)}");
        EnsureSuccess(response);
    }

    /// <summary><c>HEAD /api/health</c>: true when the service answers 200.</summary>
    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken = default)
    {
        using var response = await CallAsync(HttpMethod.Head, "/api/health", null, cancellationToken);
        return response.IsSuccessStatusCode;
    }

    /// <summary>Asks the service for a client token (managed identity has no key to sign one with).</summary>
    public async Task<string> GenerateClientTokenAsync(string userId, int minutesToExpire, CancellationToken cancellationToken = default)
    {
        var query = $"userId={Uri.EscapeDataString(userId)}&minutesToExpire={minutesToExpire}";
        using var response = await CallAsync(HttpMethod.Post, $"/api/hubs/{Hub}/:generateToken", null, cancellationToken, query, GenerateTokenApiVersion);
        EnsureSuccess(response);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var doc = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        return doc.RootElement.GetProperty("token").GetString()
            ?? throw new SignalRServiceException(response.StatusCode, ":generateToken answered without a token.");
    }

    private async Task SendAsync(string path, string target, ReadOnlyMemory<byte> argumentJson, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(SignalRMessage.Body(target, argumentJson));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var response = await CallAsync(HttpMethod.Post, path, content, cancellationToken);
        EnsureSuccess(response);
    }

    private async Task<HttpResponseMessage> CallAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken, string? query = null, string apiVersion = ApiVersion)
    {
        var connection = access.Connection ?? throw new SignalRNotConfiguredException();
        var url = new Uri($"{connection.BaseUrl}{path}?{(query is null ? string.Empty : query + "&")}api-version={apiVersion}");
        using var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await access.BearerForAsync(url, cancellationToken));
        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    private static bool EnsureSuccess(HttpResponseMessage response) =>
        response.IsSuccessStatusCode
            ? true
            : throw new SignalRServiceException(response.StatusCode, $"SignalR Service answered {(int)response.StatusCode} {response.ReasonPhrase} to {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath}.");
}
