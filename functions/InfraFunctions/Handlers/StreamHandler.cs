using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using InfraFunctions.Core.Realtime;
using InfraFunctions.Core.Validation;

namespace InfraFunctions.Handlers;

/// <summary>
/// <c>start-metrics-stream</c> and <c>stop-metrics-stream</c> (README "Live updates"): join or leave the live groups and
/// hold a short lease per watched host, so that host's agent posts every 2 s while someone watches.
/// A caller acts only on its own connections: the service says which user a connection belongs to (the <c>nameid</c>
/// negotiate put in its client token, the caller's token id), and any other caller gets 403.
/// </summary>
public sealed class StreamHandler(
    SignalRAccess access, SignalRRestClient client, StreamLeases leases, HostRepository hosts, IOptions<SignalROptions> options)
{
    private const int MaxBodyBytes = 16 * 1024;
    private const int MaxHosts = 50;

    public Task<IActionResult> StartAsync(HttpRequest request, CancellationToken cancellationToken = default) =>
        RunAsync(request, ApiJsonContext.Default.StartStreamRequest, StartCoreAsync, cancellationToken);

    public Task<IActionResult> StopAsync(HttpRequest request, CancellationToken cancellationToken = default) =>
        RunAsync(request, ApiJsonContext.Default.StopStreamRequest, StopCoreAsync, cancellationToken);

    private async Task<IActionResult> RunAsync<T>(HttpRequest request, JsonTypeInfo<T> type, Func<Caller, T, CancellationToken, Task<IActionResult>> handle, CancellationToken cancellationToken)
        where T : class
    {
        var (raw, error) = await RequestBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        T? body;
        try
        {
            body = raw!.Length == 0 ? null : JsonSerializer.Deserialize(raw, type);
        }
        catch (JsonException ex)
        {
            return ApiResults.BadRequest($"The body is not valid JSON for this call: {JsonErrorText.Of(ex)}");
        }

        if (body is null)
        {
            return ApiResults.BadRequest("Send a JSON body such as {\"connection_id\": \"<HubConnection.connectionId>\", \"hosts\": [\"<host id>\"]}.");
        }

        // A bad body is the caller's to fix whether or not live updates are on, so it is answered first.
        if (!access.IsConfigured)
        {
            return RealtimeProblems.NotConfigured();
        }

        try
        {
            return await handle(AuthenticatedCaller.Of(request), body, cancellationToken);
        }
        catch (Exception ex) when (SignalRFailures.IsServiceFailure(ex, cancellationToken))
        {
            return RealtimeProblems.Unavailable(ex);
        }
    }

    private async Task<IActionResult> StartCoreAsync(Caller caller, StartStreamRequest body, CancellationToken cancellationToken)
    {
        var hostIds = (body.Hosts ?? []).Distinct(StringComparer.Ordinal).ToArray();
        if (Invalid(body.ConnectionId, hostIds) is { } invalid)
        {
            return invalid;
        }

        var connectionId = body.ConnectionId!;
        var unknown = new List<string>();
        foreach (var hostId in hostIds)
        {
            if (await hosts.GetAsync(hostId, cancellationToken) is null)
            {
                unknown.Add(hostId);
            }
        }

        if (unknown.Count > 0)
        {
            return ApiResults.Problem(new Problem("https://httpstatuses.io/404", "Unknown host", 404,
                $"No host with id {string.Join(", ", unknown.Select(h => $"'{h}'"))} has reported. GET /api/v1/observability/hosts lists the known hosts.",
                KnownHosts: null, Errors: new Dictionary<string, string[]> { ["hosts"] = [.. unknown.Select(h => $"'{h}' is not a known host.")] }));
        }

        var (exists, user) = await client.UserOfConnectionAsync(connectionId, cancellationToken);
        if (!exists)
        {
            return UnknownConnection(connectionId);
        }

        if (!string.Equals(user, caller.Subject, StringComparison.Ordinal))
        {
            return NotYours(connectionId);
        }

        var groups = hostIds.Select(RealtimeNames.HostGroup).Prepend(RealtimeNames.FleetGroup).ToArray();
        foreach (var group in groups)
        {
            if (!await client.AddToGroupAsync(group, connectionId, cancellationToken))
            {
                return UnknownConnection(connectionId);
            }
        }

        var (expiresAt, dropped) = await leases.StartAsync(connectionId, hostIds, caller.Subject, cancellationToken);
        foreach (var hostId in dropped)
        {
            await client.RemoveFromGroupAsync(RealtimeNames.HostGroup(hostId), connectionId, cancellationToken);
        }

        return ApiResults.Ok(
            new StreamStartedResponse("streaming", connectionId, hostIds, groups, options.Value.StreamPostIntervalSeconds, expiresAt),
            ApiJsonContext.Default.StreamStartedResponse);
    }

    private async Task<IActionResult> StopCoreAsync(Caller caller, StopStreamRequest body, CancellationToken cancellationToken)
    {
        if (Invalid(body.ConnectionId, []) is { } invalid)
        {
            return invalid;
        }

        // An open connection belongs to the user its client token named; a closed one to whoever started its lease.
        var connectionId = body.ConnectionId!;
        var (exists, user) = await client.UserOfConnectionAsync(connectionId, cancellationToken);
        var owner = exists ? user : await leases.OwnerOfAsync(connectionId, cancellationToken);
        if (!exists && owner is null)
        {
            return UnknownConnection(connectionId);
        }

        if (!string.Equals(owner, caller.Subject, StringComparison.Ordinal))
        {
            return NotYours(connectionId);
        }

        var watched = await leases.StopAsync(connectionId, cancellationToken);
        if (exists)
        {
            await client.RemoveFromAllGroupsAsync(connectionId, cancellationToken);
        }

        return ApiResults.Ok(new StreamStoppedResponse("stopped", connectionId, watched ?? []), ApiJsonContext.Default.StreamStoppedResponse);
    }

    private static JsonApiResult<Problem>? Invalid(string? connectionId, IReadOnlyList<string> hostIds)
    {
        var errors = new Dictionary<string, string[]>();
        if (ConnectionIdRules.Validate(connectionId) is { } connectionError)
        {
            errors["connection_id"] = [connectionError];
        }

        var hostErrors = hostIds.Select(HostIdRules.Validate).OfType<string>().ToArray();
        if (hostIds.Count > MaxHosts)
        {
            hostErrors = [.. hostErrors, $"At most {MaxHosts} hosts can be watched by one connection."];
        }

        if (hostErrors.Length > 0)
        {
            errors["hosts"] = hostErrors;
        }

        return errors.Count == 0 ? null : ApiResults.BadRequest("The stream request is not valid; see 'errors'.", errors);
    }

    private static JsonApiResult<Problem> NotYours(string connectionId) =>
        ApiResults.Forbidden($"The connection '{connectionId}' was opened with another access token. Start and stop only the connections you negotiated with your own token (POST /api/negotiate).");

    private static JsonApiResult<Problem> UnknownConnection(string connectionId) =>
        ApiResults.NotFound($"SignalR Service has no connection '{connectionId}'. Connect first (the stock client pointed at /api), then send its connectionId; a closed connection must reconnect and start again.");
}
