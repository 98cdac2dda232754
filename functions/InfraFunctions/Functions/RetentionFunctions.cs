using InfraFunctions.Core.Retention;
using Microsoft.Azure.Functions.Worker;

namespace InfraFunctions.Functions;

public sealed class RetentionFunctions(RetentionService retention)
{
    [Function(nameof(RetentionCleanup))]
    public Task<RetentionReport> RetentionCleanup(
        [TimerTrigger("%" + Core.AppSettingNames.RetentionSchedule + "%")] TimerInfo timer, CancellationToken cancellationToken) =>
        retention.RunAsync(cancellationToken);
}
