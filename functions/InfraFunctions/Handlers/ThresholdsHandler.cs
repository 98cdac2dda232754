using InfraFunctions.Core.Health;

namespace InfraFunctions.Handlers;

/// <summary>
/// <c>GET /api/v1/observability/thresholds?host=</c> (reader), <c>PUT</c> with the host's overrides as the body and
/// <c>DELETE</c> to return it to the defaults (operator). PUT replaces: a level left out follows the default.
/// </summary>
public sealed class ThresholdsHandler(HostSelector selector, HostThresholds thresholds)
{
    private const string Success = "success";
    private static readonly string Expected =
        $"Send the levels to override, in percent, e.g. {{\"cpu_warning\": 60, \"cpu_critical\": 85}}; the fields are {string.Join(", ", new ThresholdOverrides().Levels().Select(l => l.Name))}.";

    public Task<IActionResult> GetAsync(HttpRequest request, CancellationToken cancellationToken = default) =>
        ForHostAsync(request, async (hostId, _) =>
            Respond(hostId, await thresholds.GetAsync(hostId, cancellationToken)), cancellationToken);

    public Task<IActionResult> SetAsync(HttpRequest request, CancellationToken cancellationToken = default) =>
        ForHostAsync(request, async (hostId, caller) =>
        {
            var (body, error) = await RequestBody.ReadJsonAsync(request, ApiJsonContext.Default.ThresholdOverrides, Expected, cancellationToken);
            if (body is null)
            {
                return error!;
            }

            var errors = body.Validate(thresholds.Defaults);
            if (errors.Count > 0)
            {
                return ApiResults.BadRequest("These thresholds are not valid; see 'errors'. Nothing was changed.", errors);
            }

            return Respond(hostId, await thresholds.SetAsync(hostId, body, caller.Name, cancellationToken));
        }, cancellationToken);

    public Task<IActionResult> ResetAsync(HttpRequest request, CancellationToken cancellationToken = default) =>
        ForHostAsync(request, async (hostId, _) =>
        {
            await thresholds.ResetAsync(hostId, cancellationToken);
            return Respond(hostId, null);
        }, cancellationToken);

    private async Task<IActionResult> ForHostAsync(HttpRequest request, Func<string, Caller, Task<IActionResult>> run, CancellationToken cancellationToken)
    {
        var (host, error) = await selector.SelectAsync(request, cancellationToken);
        return host is null ? error! : await run(host.HostId, AuthenticatedCaller.Of(request));
    }

    private IActionResult Respond(string hostId, StoredThresholds? stored)
    {
        var overrides = stored?.Overrides ?? new ThresholdOverrides();
        return ApiResults.Ok(
            new ThresholdsResponse(Success, hostId, thresholds.InForce(overrides), thresholds.Defaults, overrides, stored?.UpdatedAt, stored?.UpdatedBy),
            ApiJsonContext.Default.ThresholdsResponse);
    }
}
