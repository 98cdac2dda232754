using InfraFunctions.Core.Rules;

namespace InfraFunctions.Handlers;

/// <summary>
/// What the rule editor asks while a rule is written: <c>GET rules/metrics</c>, the series hosts report now, and
/// <c>POST rules/preview</c>, which hosts a rule would apply to and which of them it would fire for now (both reader).
/// </summary>
public sealed class RuleMetricsHandler(RuleCatalog catalog, RulePreview preview, RuleValidation validation)
{
    private const string Success = "success";

    private static readonly RuleMetricFamilyView[] FamilyViews =
    [
        .. RuleMetrics.Families.Select(f => new RuleMetricFamilyView(f.Name, f.Title, f.Unit, f.LabelKey, f.LabelOptional)),
        new RuleMetricFamilyView(RuleCatalog.CustomFamily, "Custom series", string.Empty, null, true),
    ];

    public async Task<IActionResult> MetricsAsync(CancellationToken cancellationToken = default)
    {
        var series = await catalog.ListAsync(cancellationToken);
        return ApiResults.Ok(
            new RuleMetricsResponse(Success, series.Count, series.Select(s => new RuleMetricView(s.Metric, s.Family, s.Title, s.Unit, s.Hosts)).ToArray(), FamilyViews),
            ApiJsonContext.Default.RuleMetricsResponse);
    }

    public async Task<IActionResult> PreviewAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        var (draft, error) = await RequestBody.ReadJsonAsync(request, ApiJsonContext.Default.RuleDraft, RulesHandler.Expected, cancellationToken);
        if (draft is null)
        {
            return error!;
        }

        var check = await validation.CheckAsync(draft, preview: true, cancellationToken);
        if (!check.IsValid)
        {
            return RulesHandler.Invalid(check);
        }

        var hosts = await preview.RunAsync(check.Rule!, cancellationToken);
        return ApiResults.Ok(
            new RulePreviewResponse(Success, hosts.Count, hosts.Select(h => new RulePreviewHostView(h.HostId, h.Hostname, h.Value, h.WouldFire, h.Stale)).ToArray()),
            ApiJsonContext.Default.RulePreviewResponse);
    }
}
