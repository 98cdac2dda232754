using InfraFunctions.Core;
using InfraFunctions.Core.Alerts;
using InfraFunctions.Core.Webhooks;

namespace InfraFunctions.Functions;

// Anonymous at the host: the authentication middleware requires each function's role before it runs.
public sealed class AlertFunctions(AlertsHandler alerts, StaleHostDetector staleHosts, DiskForecastAlerts diskForecasts, WebhookRedelivery webhooks)
{
    [Function(nameof(ListAlerts))]
    [RequireRole(Roles.Reader)]
    public Task<IActionResult> ListAlerts(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/observability/alerts")] HttpRequest request, CancellationToken cancellationToken) =>
        alerts.ListAsync(request, cancellationToken);

    [Function(nameof(AcknowledgeAlert))]
    [RequireRole(Roles.Operator)]
    public Task<IActionResult> AcknowledgeAlert(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/observability/alerts/{id}/acknowledge")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        alerts.AcknowledgeAsync(request, id, cancellationToken);

    [Function(nameof(DetectStaleHosts))]
    public Task<StaleHostsReport> DetectStaleHosts(
        [TimerTrigger("%" + AppSettingNames.StaleHostsSchedule + "%")] TimerInfo timer, CancellationToken cancellationToken) =>
        staleHosts.RunAsync(cancellationToken);

    [Function(nameof(ForecastDisks))]
    public Task<DiskForecastReport> ForecastDisks(
        [TimerTrigger("%" + AppSettingNames.DiskForecastSchedule + "%")] TimerInfo timer, CancellationToken cancellationToken) =>
        diskForecasts.RunAsync(cancellationToken);

    [Function(nameof(RedeliverWebhooks))]
    public Task<WebhookRedeliveryReport> RedeliverWebhooks(
        [TimerTrigger("%" + AppSettingNames.WebhookRedeliverySchedule + "%")] TimerInfo timer, CancellationToken cancellationToken) =>
        webhooks.RunAsync(cancellationToken);
}
