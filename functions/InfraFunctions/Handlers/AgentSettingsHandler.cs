using InfraFunctions.Core.AgentSettings;
using InfraFunctions.Core.Tags;
using InfraFunctions.Core.Validation;

namespace InfraFunctions.Handlers;

/// <summary>
/// <c>/api/v1/observability/agent-settings</c>: every scope (GET), one host's merged settings and what it runs with
/// (GET <c>?host=</c>), and an operator's settings for a host or a tag (PUT and DELETE with <c>?host=</c> or <c>?tag=key:value</c>).
/// A host need not have reported yet: settings chosen before it enrolls reach its first reply.
/// </summary>
public sealed class AgentSettingsHandler(AgentSettingsRepository repository, AgentSettingsResolver resolver, HostRepository hostRows)
{
    private static readonly string Expected =
        $"Send the settings to push, e.g. {{\"watch\": [\"nginx\"], \"top\": 5, \"sample_interval_seconds\": 10, \"collectors\": [\"temperatures\"]}}; the fields are {AgentSettingRules.Watch}, {AgentSettingRules.Top}, {AgentSettingRules.SampleIntervalSeconds} and {AgentSettingRules.CollectorsName}.";

    public async Task<IActionResult> GetAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        if (request.Query.ContainsKey("tag"))
        {
            return ApiResults.BadRequest("GET lists every scope, tags included, or resolves one host with ?host=<host id>; it takes no ?tag=.",
                new Dictionary<string, string[]> { ["tag"] = ["Leave ?tag= out and find the tag's scope in the list."] });
        }

        var hosts = request.Query["host"];
        if (hosts.Count == 0)
        {
            var all = await repository.ListAsync(cancellationToken: cancellationToken);
            var views = all.OrderBy(s => s.Scope.Kind, StringComparer.Ordinal).ThenBy(s => s.Scope.HostId ?? s.Scope.Tag, StringComparer.Ordinal).Select(View).ToArray();
            return ApiResults.Ok(new AgentSettingsListResponse(views), ApiJsonContext.Default.AgentSettingsListResponse);
        }

        var hostId = hosts.Count == 1 ? hosts[0] ?? string.Empty : string.Empty;
        if ((hosts.Count == 1 ? HostIdRules.Validate(hostId) : "Give ?host= once: one host is resolved at a time.") is { } invalid)
        {
            return ApiResults.BadRequest(invalid, new Dictionary<string, string[]> { ["host"] = [invalid] });
        }

        var settingsTask = resolver.ResolveAsync(hostId, cancellationToken);
        var host = await hostRows.GetAsync(hostId, cancellationToken);
        var settings = await settingsTask ?? new AgentSettings();
        return ApiResults.Ok(
            new HostAgentSettingsResponse(hostId, settings, host?.SettingsInForce ?? [], host?.SettingsReportedAt, host?.SettingsProblem),
            ApiJsonContext.Default.HostAgentSettingsResponse);
    }

    public async Task<IActionResult> SetAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        var (scope, scopeError) = ScopeOf(request);
        if (scope is null)
        {
            return scopeError!;
        }

        var (body, error) = await RequestBody.ReadJsonAsync(request, ApiJsonContext.Default.AgentSettingsRequest, Expected, cancellationToken);
        if (body is null)
        {
            return error!;
        }

        var settings = new AgentSettings(body.Watch, body.Top, body.SampleIntervalSeconds, body.Collectors);
        if (settings == new AgentSettings())
        {
            return ApiResults.BadRequest($"The body sets no setting. {Expected} To remove this scope's settings, send DELETE instead.");
        }

        if (AgentSettingsValidation.Check(settings) is { Count: > 0 } errors)
        {
            return ApiResults.BadRequest("These agent settings are not valid; see 'errors'. Nothing was changed.", errors);
        }

        var stored = await resolver.SetAsync(scope, settings, AuthenticatedCaller.Of(request).Name, cancellationToken);
        return ApiResults.Ok(View(stored), ApiJsonContext.Default.AgentSettingsScopeView);
    }

    public async Task<IActionResult> DeleteAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        var (scope, scopeError) = ScopeOf(request);
        if (scope is null)
        {
            return scopeError!;
        }

        return await resolver.DeleteAsync(scope, cancellationToken)
            ? new NoContentResult()
            : ApiResults.NotFound($"No agent settings are set for {Describe(scope)}. GET /api/v1/observability/agent-settings lists every scope.");
    }

    private static (AgentSettingScope? Scope, IActionResult? Error) ScopeOf(HttpRequest request)
    {
        var host = request.Query["host"];
        var tag = request.Query["tag"];
        if (host.Count + tag.Count != 1)
        {
            const string Choose = "Give exactly one of ?host=<host id> or ?tag=<key:value>.";
            return (null, ApiResults.BadRequest($"{Choose} The settings apply to one host, or to every host with that tag.",
                new Dictionary<string, string[]> { ["host"] = [Choose], ["tag"] = [Choose] }));
        }

        if (host is [{ } hostId])
        {
            return HostIdRules.Validate(hostId) is { } invalid
                ? (null, ApiResults.BadRequest(invalid, new Dictionary<string, string[]> { ["host"] = [invalid] }))
                : (AgentSettingScope.ForHost(hostId), null);
        }

        var selector = tag.ToString();
        if (TagRules.ParseSelector(selector) is not { } parsed)
        {
            var problem = $"'{selector}' is not a tag selector: give key:value, the key 1-{TagRules.MaxKeyLength} letters, digits, '_', '.' or '-' starting with a letter, the value 1-{TagRules.MaxValueLength} printable characters.";
            return (null, ApiResults.BadRequest(problem, new Dictionary<string, string[]> { ["tag"] = [problem] }));
        }

        return (AgentSettingScope.ForTag(parsed.Key, parsed.Value), null);
    }

    private static string Describe(AgentSettingScope scope) => scope.IsHost ? $"host '{scope.HostId}'" : $"tag '{scope.Tag}'";

    private static AgentSettingsScopeView View(StoredAgentSettings s) =>
        new(s.Scope.Kind, s.Scope.HostId, s.Scope.Tag, s.Settings, s.UpdatedAt, s.UpdatedBy);
}
