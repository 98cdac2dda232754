using InfraFunctions.Core;
using InfraFunctions.Core.Silences;

namespace InfraFunctions.Functions;

// Anonymous at the host: the authentication middleware requires each function's role before it runs.
public sealed class SilenceFunctions(SilencesHandler silences, AlertNotificationSweep sweep)
{
    [Function(nameof(ListSilences))]
    [RequireRole(Roles.Reader)]
    public Task<IActionResult> ListSilences(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/observability/silences")] HttpRequest request, CancellationToken cancellationToken) =>
        silences.ListAsync(request, cancellationToken);

    [Function(nameof(CreateSilence))]
    [RequireRole(Roles.Operator)]
    public Task<IActionResult> CreateSilence(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/observability/silences")] HttpRequest request, CancellationToken cancellationToken) =>
        silences.CreateAsync(request, cancellationToken);

    [Function(nameof(DeleteSilence))]
    [RequireRole(Roles.Operator)]
    public Task<IActionResult> DeleteSilence(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "v1/observability/silences/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        silences.DeleteAsync(id, cancellationToken);

    [Function(nameof(NotifyAlerts))]
    public Task<AlertNotifyReport> NotifyAlerts(
        [TimerTrigger("%" + AppSettingNames.AlertNotifySchedule + "%")] TimerInfo timer, CancellationToken cancellationToken) =>
        sweep.RunAsync(cancellationToken);
}
