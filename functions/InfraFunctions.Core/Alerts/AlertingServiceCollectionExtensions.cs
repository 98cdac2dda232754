using InfraFunctions.Core.Ingest;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InfraFunctions.Core.Alerts;

/// <summary>Registers alert storage and publishing, threshold alerts at ingest, the stale-host sweep and disk forecast alerts.</summary>
public static class AlertingServiceCollectionExtensions
{
    public static IServiceCollection AddAlerting(this IServiceCollection services)
    {
        services.AddSingleton<AlertRepository>();
        services.AddSingleton<AlertTrackStore>();
        services.AddSingleton<AlertPublisher>();
        services.TryAddSingleton<Rules.IRuleSource, Rules.BuiltInRuleSource>();
        services.AddSingleton<HostRuleCache>();
        services.AddSingleton<IIngestSubscriber, AlertEvaluator>();
        services.AddSingleton<IIngestSubscriber, ServiceAlertEvaluator>();
        services.AddSingleton<StaleHostDetector>();
        services.AddSingleton<DiskForecastAlerts>();
        return services;
    }
}
