using InfraFunctions.Core.Aggregation;
using InfraFunctions.Core.Alerts;
using InfraFunctions.Core.Anomalies;

namespace InfraFunctions.Handlers;

/// <summary>
/// <c>GET /api/v1/observability/anomalies?host=&amp;window=&amp;metric=&amp;sensitivity=</c>. It only reads: the disk projection is
/// shown, and the open <c>disk_forecast</c> alert named, but raising and resolving that alert is the <c>ForecastDisks</c>
/// timer's (<see cref="DiskForecastAlerts"/>), so how often someone looks never changes what is stored or sent.
/// </summary>
public sealed class AnomaliesHandler(HostSelector selector, AnomalyService scanner, DiskForecastAlerts forecasts, TimeProvider time)
{
    public async Task<IActionResult> GetAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        string? windowName = request.Query["window"];
        string? sensitivityName = request.Query["sensitivity"];
        var metrics = request.Query["metric"].SelectMany(m => (m ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().ToArray();
        var errors = new Dictionary<string, string[]>();
        if (!TimeWindows.Anomalies.TryParse(windowName, out var window, out var span))
        {
            errors["window"] = ApiResults.WindowErrors(TimeWindows.Anomalies.Names, "Anomalies scan raw samples");
        }

        if (AnomalySensitivity.Parse(sensitivityName) is not { } sensitivity)
        {
            errors["sensitivity"] = [$"Use one of {string.Join(", ", AnomalySensitivity.Names)} (default medium)."];
            sensitivity = AnomalySensitivity.Medium;
        }

        if (metrics.FirstOrDefault(m => !AnomalyMetrics.IsKnown(m)) is { } unknown)
        {
            errors["metric"] = [$"'{unknown}' is not a metric here; use {string.Join(", ", AnomalyMetrics.Names)}, or several separated by commas."];
        }

        if (errors.Count > 0)
        {
            return ApiResults.BadRequest("The anomaly query is not valid; see 'errors'.", errors);
        }

        var (host, error) = await selector.SelectAsync(request, cancellationToken);
        if (host is null)
        {
            return error!;
        }

        var chosen = metrics.Length > 0 ? metrics : AnomalyMetrics.Defaults;
        var scan = await scanner.ScanAsync(host.HostId, span, chosen, sensitivity, cancellationToken);
        var alertId = await forecasts.OpenAlertIdAsync(host.HostId, cancellationToken);
        var now = time.GetUtcNow();
        return ApiResults.Ok(
            new AnomaliesResponse("success", host.HostId, window, sensitivity.Name, now - span, now, scan.Anomalies.Count, scan.Baselines, scan.Anomalies, scan.DiskForecast, alertId),
            ApiJsonContext.Default.AnomaliesResponse);
    }
}
