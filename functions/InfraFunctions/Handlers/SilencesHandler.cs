using System.Text.RegularExpressions;
using InfraFunctions.Core.Silences;

namespace InfraFunctions.Handlers;

/// <summary>
/// <c>GET /api/v1/observability/silences[?active=true]</c> (reader), <c>POST</c> (operator) and
/// <c>DELETE /api/v1/observability/silences/{id}</c> (operator): silences and maintenance windows.
/// </summary>
public sealed partial class SilencesHandler(SilenceRepository silences, TimeProvider time)
{
    private const string Success = "success";
    private const string Expected =
        "Send {\"matchers\": {\"host\": \"web-01\"}, \"ends_at\": \"2026-12-05T23:00:00Z\", \"comment\": \"kernel upgrade\"} for a one-off silence, or "
        + "{\"matchers\": {\"tags\": {\"env\": \"prod\"}}, \"cron\": \"0 2 * * 0\", \"duration_minutes\": 120, \"time_zone\": \"Europe/Berlin\"} for a recurring window.";

    public async Task<IActionResult> ListAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        string? activeText = request.Query["active"];
        if (activeText is not null && !bool.TryParse(activeText, out _))
        {
            return ApiResults.BadRequest("The silence query is not valid; see 'errors'.",
                new Dictionary<string, string[]> { ["active"] = ["Use active=true for the silences holding alerts now, or leave it out for all."] });
        }

        var now = time.GetUtcNow();
        var onlyActive = activeText is not null && bool.Parse(activeText);
        var views = (await silences.ListAsync(cancellationToken)).Select(s => SilenceView.Of(s, now)).Where(v => !onlyActive || v.Active).ToArray();
        return ApiResults.Ok(new SilencesResponse(Success, views.Length, views), ApiJsonContext.Default.SilencesResponse);
    }

    public async Task<IActionResult> CreateAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        var (body, error) = await RequestBody.ReadJsonAsync(request, ApiJsonContext.Default.CreateSilenceRequest, Expected, cancellationToken);
        if (body is null)
        {
            return error!;
        }

        var now = time.GetUtcNow();
        var caller = AuthenticatedCaller.Of(request);
        var matchers = body.Matchers is { } m ? new SilenceMatchers(m.Host, m.Tags, m.RuleId) : null;
        var errors = SilenceRules.Check(matchers, body.StartsAt, body.EndsAt, body.Cron, body.DurationMinutes, body.TimeZone, body.Comment, now, caller.Name, out var silence);
        if (errors.Count > 0)
        {
            return ApiResults.BadRequest("The silence is not valid; see 'errors'. Nothing was created.", errors);
        }

        if ((await silences.ListAsync(cancellationToken)).Count >= SilenceRepository.MaxSilences)
        {
            return ApiResults.Problem(StatusCodes.Status409Conflict, "Too many silences",
                $"There are {SilenceRepository.MaxSilences} silences, the most kept; delete those that have ended (GET /api/v1/observability/silences lists them) and try again.");
        }

        await silences.AddAsync(silence!, cancellationToken);
        return new JsonApiResult<SilenceResponse>(new SilenceResponse(Success, SilenceView.Of(silence!, now)), ApiJsonContext.Default.SilenceResponse, StatusCodes.Status201Created);
    }

    public async Task<IActionResult> DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        IdPattern().IsMatch(id) && await silences.DeleteAsync(id, cancellationToken)
            ? ApiResults.Ok(new SilenceDeletedResponse(Success, id), ApiJsonContext.Default.SilenceDeletedResponse)
            : ApiResults.NotFound($"No silence with id '{id}'. GET /api/v1/observability/silences lists them with their ids.");

    [GeneratedRegex("^sil-[0-9a-f]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
