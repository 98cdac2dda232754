using InfraFunctions.Core.Alerts;
using InfraFunctions.Core.Health;
using InfraFunctions.Core.Auth;
using InfraFunctions.Core.Ingest;
using InfraFunctions.Core.Observability;
using InfraFunctions.Core.Options;
using InfraFunctions.Core.Realtime;
using InfraFunctions.Core.Retention;
using InfraFunctions.Core.Storage;
using InfraFunctions.Core.Validation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InfraFunctions.Core;

/// <summary>Registers the whole domain: storage, options, ingest, realtime, rollups, alerts and observability. The function app adds its HTTP layer on top.</summary>
public static class InfraFunctionsServiceCollectionExtensions
{
    public static IServiceCollection AddInfraFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddInfraOptions();
        services.AddSingleton(_ => TableServiceFactory.Create(configuration));
        services.AddSingleton<TableStore>();
        services.AddSingleton<SampleRepository>();
        services.AddSingleton<HostRepository>();
        services.AddSingleton<HostThresholds>();
        services.AddSingleton<CredentialRepository>();


        services.AddSingleton<SampleValidator>();
        services.AddRealtime(configuration);
        services.AddSingleton<IngestCounters>();
        services.AddSingleton<IngestService>();
        services.AddSingleton<RetentionService>();
        services.AddAggregationAndAlerting(configuration);
        services.AddObservability();
        return services;
    }

    private static void AddInfraOptions(this IServiceCollection services)
    {
        services.AddOptions<ThresholdOptions>().BindConfiguration(ThresholdOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => o.CpuWarning < o.CpuCritical && o.MemoryWarning < o.MemoryCritical && o.DiskWarning < o.DiskCritical,
                "Each warning threshold must be below its critical threshold (Thresholds__CpuWarning < Thresholds__CpuCritical, and so on).")
            .ValidateOnStart();
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MonitorOptions>().BindConfiguration(MonitorOptions.SectionName)
            .Validate(o => MonitorOptions.IsHttpsOrigin(o.LogAnalyticsEndpoint),
                "Monitor__LogAnalyticsEndpoint must be an absolute https URL with no path, such as https://api.loganalytics.azure.com (Azure China: https://api.loganalytics.azure.cn).")
            .Validate(o => MonitorOptions.IsHttpsOrigin(o.ResourceManagerEndpoint),
                "Monitor__ResourceManagerEndpoint must be an absolute https URL with no path, such as https://management.azure.com (Azure China: https://management.chinacloudapi.cn).")
            .Validate(o => o.LogAnalyticsAudience.Length == 0 || MonitorOptions.IsHttpsOrigin(o.LogAnalyticsAudience),
                "Monitor__LogAnalyticsAudience must be empty (the endpoint's audience) or an absolute https URL with no path, such as https://api.loganalytics.io.")
            .Validate(o => o.ResourceManagerAudience.Length == 0 || MonitorOptions.IsHttpsOrigin(o.ResourceManagerAudience),
                "Monitor__ResourceManagerAudience must be empty (the endpoint's audience) or an absolute https URL with no path, such as https://management.azure.com.")
            .ValidateOnStart();
    }
}
