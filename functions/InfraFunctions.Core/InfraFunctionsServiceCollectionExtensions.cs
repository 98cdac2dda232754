using InfraFunctions.Core.Aggregation;
using InfraFunctions.Core.Alerts;
using InfraFunctions.Core.Auth;
using InfraFunctions.Core.Ingest;
using InfraFunctions.Core.Observability;
using InfraFunctions.Core.Realtime;
using InfraFunctions.Core.Retention;
using InfraFunctions.Core.Rules;
using InfraFunctions.Core.Silences;
using InfraFunctions.Core.Validation;
using InfraFunctions.Core.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InfraFunctions.Core;

/// <summary>Registers the whole domain: options, storage, ingest, realtime, rollups, alerts, webhooks and observability. The function app adds its HTTP layer on top.</summary>
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
        services.AddSingleton<FleetHealth>();
        services.AddCredentials();
        services.AddSingleton<Tags.HostTagRepository>();
        services.AddSingleton<Tags.HostTagCache>();
        services.AddSingleton<AgentSettings.AgentSettingsRepository>();
        services.AddSingleton<AgentSettings.AgentSettingsResolver>();

        services.AddSingleton<SampleValidator>();
        services.AddRealtime(configuration);
        services.AddSingleton<IngestCounters>();
        services.AddSingleton<IngestService>();
        services.AddSingleton<RetentionService>();
        services.AddAggregation();
        services.AddRules();
        services.AddAlerting();
        services.AddWebhooks();
        services.AddSilences();
        services.AddObservability();
        return services;
    }
}
