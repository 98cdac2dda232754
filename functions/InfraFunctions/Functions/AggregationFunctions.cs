using InfraFunctions.Core;
using InfraFunctions.Core.Aggregation;

namespace InfraFunctions.Functions;

public sealed class AggregationFunctions(AggregationService aggregation)
{
    [Function(nameof(AggregateHourly))]
    public Task<AggregationReport> AggregateHourly(
        [TimerTrigger("%" + AppSettingNames.AggregationHourlySchedule + "%")] TimerInfo timer, CancellationToken cancellationToken) =>
        aggregation.RunHourlyAsync(cancellationToken);

    [Function(nameof(AggregateDaily))]
    public Task<AggregationReport> AggregateDaily(
        [TimerTrigger("%" + AppSettingNames.AggregationDailySchedule + "%")] TimerInfo timer, CancellationToken cancellationToken) =>
        aggregation.RunDailyAsync(cancellationToken);
}
