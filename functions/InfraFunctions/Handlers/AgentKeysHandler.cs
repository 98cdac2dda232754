using InfraFunctions.Core.Tags;
using InfraFunctions.Core.Validation;

namespace InfraFunctions.Handlers;

/// <summary>
/// Agent keys as operators issue, list, rotate and revoke them, each key for one host. The key is returned once,
/// with the line that installs the agent with it; the row keeps only its hash.
/// </summary>
public sealed class AgentKeysHandler(CredentialRepository credentials, HostTagRepository tags, HostTagCache tagCache, InstallCommand install, TimeProvider time)
{
    public const int DefaultGraceSeconds = 3600;
    public const int MaxGraceSeconds = 604_800;

    public async Task<IActionResult> IssueAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        var (body, error) = await RequestBody.ReadJsonAsync(request, ApiJsonContext.Default.IssueAgentKeyRequest,
            "Send {\"host_id\": \"web-1\", \"tags\": {\"env\": \"prod\"}}.", cancellationToken);
        if (body is null)
        {
            return error!;
        }

        var errors = TagRules.Check(body.Tags);
        if (HostIdRules.Validate(body.HostId) is { } hostProblem)
        {
            errors["host_id"] = [hostProblem];
        }

        if (body.Name is not null && (string.IsNullOrWhiteSpace(body.Name) || body.Name.Trim().Length > AgentRequestRules.MaxNameLength))
        {
            errors["name"] = [$"Give the key a name of 1-{AgentRequestRules.MaxNameLength} characters, or leave it out to name it after its host."];
        }

        if (errors.Count > 0)
        {
            return ApiResults.BadRequest("The agent key request is not valid; see 'errors'.", errors);
        }

        var hostId = body.HostId!;
        var caller = AuthenticatedCaller.Of(request);
        var (agent, key) = await credentials.CreateAgentAsync(body.Name?.Trim() ?? hostId, [hostId], AgentIssuers.Operator, caller.Subject, cancellationToken);
        if (body.Tags is not null)
        {
            await tags.SetAsync(hostId, TagSource.Operator, body.Tags, cancellationToken);
            tagCache.Forget(hostId);
        }

        var effective = (await tags.GetAsync(hostId, cancellationToken)).Effective;
        return new JsonApiResult<IssueAgentKeyResponse>(
            new IssueAgentKeyResponse(agent.AgentId, key, install.WithKey(request, key), hostId, effective),
            ApiJsonContext.Default.IssueAgentKeyResponse, StatusCodes.Status201Created);
    }

    public async Task<IActionResult> ListAsync(CancellationToken cancellationToken = default)
    {
        var agents = await credentials.ListAgentsAsync(cancellationToken);
        var hostTags = await tags.ListAsync(cancellationToken);
        var views = agents.OrderByDescending(a => a.Created).Select(a => new AgentKeyView(
            a.AgentId, a.Name, a.HostIds, a.Created, a.LastUsed, a.Revoked, a.RevokedAt, a.IssuedBy, a.IssuerId, a.RotatedAt, a.OldKeyExpiresAt,
            CommonTags(a.HostIds, hostTags))).ToArray();
        return ApiResults.Ok(new AgentKeysResponse(views), ApiJsonContext.Default.AgentKeysResponse);
    }

    public async Task<IActionResult> RevokeAsync(string agentId, CancellationToken cancellationToken = default) =>
        await credentials.RevokeAgentAsync(agentId, cancellationToken)
            ? ApiResults.Ok(new RevokedResponse(agentId, true), ApiJsonContext.Default.RevokedResponse)
            : ApiResults.NotFound($"No agent key with id '{agentId}'. GET /api/v1/observability/agents lists them.");

    public async Task<IActionResult> RotateAsync(HttpRequest request, string agentId, CancellationToken cancellationToken = default)
    {
        // The body is optional: no body rotates with the default grace.
        var (bytes, error) = await RequestBody.ReadAsync(request, 64 * 1024, cancellationToken);
        if (bytes is null)
        {
            return error!;
        }

        var grace = (long)DefaultGraceSeconds;
        if (bytes.Length > 0)
        {
            try
            {
                grace = System.Text.Json.JsonSerializer.Deserialize(bytes, ApiJsonContext.Default.RotateAgentKeyRequest)?.GraceSeconds ?? DefaultGraceSeconds;
            }
            catch (System.Text.Json.JsonException ex)
            {
                return ApiResults.BadRequest($"The body is not valid JSON: {JsonErrorText.Of(ex)} (path {ex.Path ?? "$"}). Send {{\"grace_seconds\": 3600}}, or no body.");
            }
        }

        if (grace is < 0 or > MaxGraceSeconds)
        {
            return ApiResults.BadRequest("grace_seconds is out of range.", new Dictionary<string, string[]>
            {
                ["grace_seconds"] = [$"How long the old key keeps working, in seconds: 0 (ends it now) to {MaxGraceSeconds} (7 days); {DefaultGraceSeconds} when left out."],
            });
        }

        var (agent, key) = await credentials.RotateAgentAsync(agentId, TimeSpan.FromSeconds(grace), cancellationToken);
        return (agent, key) switch
        {
            (null, _) => ApiResults.NotFound($"No agent key with id '{agentId}'. GET /api/v1/observability/agents lists them."),
            (_, null) => ApiResults.Problem(StatusCodes.Status409Conflict, "The key is revoked",
                $"Agent key '{agentId}' was revoked at {agent.RevokedAt:O} and cannot be rotated; issue a new one with POST /api/v1/observability/agents."),
            _ => ApiResults.Ok(new RotateAgentKeyResponse(agent.AgentId, key, install.WithKey(request, key), agent.OldKeyExpiresAt ?? time.GetUtcNow()), ApiJsonContext.Default.RotateAgentKeyResponse),
        };
    }

    /// <summary>The tags in force on a key's host; for a key of several hosts, those every one of them carries.</summary>
    private static IReadOnlyDictionary<string, string> CommonTags(IReadOnlyList<string> hostIds, IReadOnlyDictionary<string, HostTags> all)
    {
        var common = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var sets = hostIds.Select(h => all.TryGetValue(h, out var t) ? t.Effective : new Dictionary<string, string>()).ToArray();
        foreach (var (k, v) in sets.FirstOrDefault() ?? new Dictionary<string, string>())
        {
            if (sets.All(s => s.TryGetValue(k, out var other) && other == v))
            {
                common[k] = v;
            }
        }

        return common;
    }
}
