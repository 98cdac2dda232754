using InfraFunctions.Core.Anomalies;
using InfraFunctions.Core.Monitor;
using InfraFunctions.Core.Realtime;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InfraFunctions.Core.Observability;

/// <summary>Registers anomalies, traces, metrics, component health and the Prometheus export.</summary>
public static class ObservabilityServiceCollectionExtensions
{
    public static IServiceCollection AddObservability(this IServiceCollection services)
    {
        // The managed identity's credential is only asked for a token when a Monitor API is called.
        services.TryAddSingleton(sp => MonitorClients.ForManagedIdentity(sp.GetRequiredService<IOptions<MonitorOptions>>().Value));
        services.TryAddSingleton<CircuitBreakerStates>();
        services.AddSingleton<AnomalyService>();

        // Transient: it holds the typed SignalR HttpClient, which the factory rotates.
        services.AddTransient<ComponentHealthService>();
        return services;
    }
}
