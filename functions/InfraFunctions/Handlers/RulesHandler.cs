using InfraFunctions.Core.Rules;

namespace InfraFunctions.Handlers;

/// <summary>
/// Alert rules: <c>GET /api/v1/observability/rules</c> and <c>GET rules/{id}</c> (reader); <c>POST</c>, <c>PUT rules/{id}</c>
/// (replaces the whole rule) and <c>DELETE rules/{id}</c> (operator). Built-in rules are always listed, may change only
/// how they notify and how long they wait, and are never deleted.
/// </summary>
public sealed class RulesHandler(RuleRepository rules, RuleValidation validation, IOptionsMonitor<AlertOptions> alerts)
{
    private const string Success = "success";
    public const string Expected =
        "Send a rule such as {\"name\": \"Data disk filling up\", \"metric\": \"disk.percent{mount=/data}\", \"scope\": {\"tags\": {\"env\": \"prod\"}}, "
        + "\"condition\": \"above\", \"warning\": 80, \"critical\": 95, \"duration_seconds\": 300, \"clear_margin\": 5, \"channels\": [], \"renotify_minutes\": 0}.";

    public async Task<IActionResult> ListAsync(CancellationToken cancellationToken = default)
    {
        var all = await rules.ReadAllAsync(cancellationToken);
        return ApiResults.Ok(new RulesResponse(Success, all.Count, all.Select(RuleView.Of).ToArray()), ApiJsonContext.Default.RulesResponse);
    }

    public async Task<IActionResult> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        if (IdProblem(id) is { } problem)
        {
            return problem;
        }

        return await rules.GetAsync(id, cancellationToken) is { } rule ? Respond(rule) : NotFound(id);
    }

    public async Task<IActionResult> CreateAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        var (draft, error) = await RequestBody.ReadJsonAsync(request, ApiJsonContext.Default.RuleDraft, Expected, cancellationToken);
        if (draft is null)
        {
            return error!;
        }

        var check = await validation.CheckAsync(draft, cancellationToken: cancellationToken);
        if (!check.IsValid)
        {
            return Invalid(check);
        }

        if (await rules.CountStoredAsync(cancellationToken) >= RuleValidation.MaxRules)
        {
            return ApiResults.BadRequest($"There are {RuleValidation.MaxRules} rules already, the most there may be; delete one you no longer need first.",
                new Dictionary<string, string[]> { ["rules"] = [$"At most {RuleValidation.MaxRules} rules, besides the built-in ones."] });
        }

        var created = await rules.CreateAsync(check.Rule!, AuthenticatedCaller.Of(request).Name, cancellationToken);
        var result = new JsonApiResult<RuleResponse>(new RuleResponse(Success, RuleView.Of(created)), ApiJsonContext.Default.RuleResponse, StatusCodes.Status201Created);
        result.Headers["Location"] = $"/api/v1/observability/rules/{created.Id}";
        return result;
    }

    public async Task<IActionResult> ReplaceAsync(HttpRequest request, string id, CancellationToken cancellationToken = default)
    {
        if (IdProblem(id) is { } problem)
        {
            return problem;
        }

        var (draft, error) = await RequestBody.ReadJsonAsync(request, ApiJsonContext.Default.RuleDraft, Expected, cancellationToken);
        if (draft is null)
        {
            return error!;
        }

        var builtIn = rules.BuiltInDefaults.FirstOrDefault(r => r.Id == id);
        var check = builtIn is null
            ? await validation.CheckAsync(draft, cancellationToken: cancellationToken)
            : await validation.CheckBuiltInAsync(draft, builtIn, alerts.CurrentValue, cancellationToken);
        if (!check.IsValid)
        {
            return Invalid(check);
        }

        return await rules.ReplaceAsync(id, check.Rule!, AuthenticatedCaller.Of(request).Name, cancellationToken) is { } replaced
            ? Respond(replaced)
            : NotFound(id);
    }

    public async Task<IActionResult> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        if (IdProblem(id) is { } problem)
        {
            return problem;
        }

        if (BuiltInRules.IsBuiltIn(id))
        {
            return ApiResults.Problem(StatusCodes.Status409Conflict, "Built-in rules cannot be deleted",
                $"'{id}' is a built-in rule. Turn it off with PUT /api/v1/observability/rules/{id} and \"enabled\": false, or change its levels with the thresholds.");
        }

        return await rules.DeleteAsync(id, cancellationToken)
            ? ApiResults.Ok(new RuleDeletedResponse(Success, id), ApiJsonContext.Default.RuleDeletedResponse)
            : NotFound(id);
    }

    /// <summary>The 400 for a draft that failed validation, naming each field.</summary>
    public static IActionResult Invalid(RuleCheck check) =>
        ApiResults.BadRequest("The rule is not valid; see 'errors'. Nothing was changed.", check.Errors);

    private static IActionResult Respond(RuleDefinition rule) =>
        ApiResults.Ok(new RuleResponse(Success, RuleView.Of(rule)), ApiJsonContext.Default.RuleResponse);

    private static IActionResult NotFound(string id) =>
        ApiResults.NotFound($"No rule with id '{id}'. GET /api/v1/observability/rules lists them.");

    private static IActionResult? IdProblem(string id)
    {
        if (RuleIds.IsWellFormed(id))
        {
            return null;
        }

        // The other built-in checks (host down, disk forecast, services) have ids for silences and routing, but no settings here.
        return BuiltInRules.IsBuiltIn(id)
            ? NotFound(id)
            : ApiResults.BadRequest($"'{id}' is not a rule id: rule ids are 'rule-' and 12 lowercase hex digits, or a built-in id such as '{BuiltInRules.Cpu}'.",
                new Dictionary<string, string[]> { ["id"] = ["Use an id from GET /api/v1/observability/rules."] });
    }
}
