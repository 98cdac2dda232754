using Microsoft.Extensions.DependencyInjection;

namespace InfraFunctions.Http;

/// <summary>Registers the HTTP layer: how callers are recognised, and the handlers the functions call.</summary>
public static class HttpLayerServiceCollectionExtensions
{
    public static IServiceCollection AddHttpLayer(this IServiceCollection services)
    {
        services.AddSingleton<IRequestAuthenticator, BearerTokenAuthenticator>();
        services.AddSingleton<CallerGate>();
        services.AddSingleton<HostSelector>();

        services.AddSingleton<IngestHandler>();
        services.AddSingleton<InfrastructureHandler>();
        services.AddSingleton<CustomSeriesHandler>();
        services.AddSingleton<ThresholdsHandler>();
        services.AddSingleton<AgentSettingsHandler>();
        services.AddSingleton<AdminHandler>();
        services.AddSingleton<InstallCommand>();
        services.AddSingleton<AgentKeysHandler>();
        services.AddSingleton<EnrollmentTokensHandler>();
        services.AddSingleton<EnrollHandler>();
        services.AddSingleton<IdentityHandler>();
        services.AddSingleton<AlertsHandler>();
        services.AddSingleton<SilencesHandler>();
        services.AddSingleton<AnomaliesHandler>();
        services.AddSingleton<TracesHandler>();
        services.AddSingleton<FleetMetricsReader>();
        services.AddSingleton<MetricsHandler>();
        services.AddSingleton<PrometheusHandler>();
        services.AddSingleton<RulesHandler>();
        services.AddSingleton<RuleMetricsHandler>();

        // Transient: they hold the typed SignalR HttpClient (directly or through the services they use), which the factory rotates.
        services.AddTransient<ComponentsHandler>();
        services.AddTransient<NegotiateHandler>();
        services.AddTransient<StreamHandler>();
        return services;
    }
}
