using InfraFunctions.Core.Alerts;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InfraFunctions.Core.Silences;

/// <summary>Registers silences: their store, the notification gate that holds silenced and flapping alerts, and the sweep that sends them later.</summary>
public static class SilencesServiceCollectionExtensions
{
    public static IServiceCollection AddSilences(this IServiceCollection services)
    {
        services.AddSingleton<SilenceRepository>();
        services.AddSingleton<SilenceFinder>();
        // In place of the open gate, whether that was registered before or is tried after.
        services.RemoveAll<IAlertNotificationGate>();
        services.AddSingleton<IAlertNotificationGate, SilenceGate>();
        services.AddSingleton<AlertNotificationSweep>();
        return services;
    }
}
