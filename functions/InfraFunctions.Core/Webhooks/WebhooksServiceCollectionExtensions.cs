using InfraFunctions.Core.Alerts;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InfraFunctions.Core.Webhooks;

/// <summary>Registers alert webhooks: the outbox, its delivery service and redelivery, and the notifier alerts reach them through.</summary>
public static class WebhooksServiceCollectionExtensions
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddSingleton<WebhookOutcomes>();
        services.AddHttpClient(WebhookDeliveryService.ClientName);
        services.AddSingleton<WebhookOutbox>();
        services.AddSingleton<WebhookRedelivery>();
        services.AddSingleton<WebhookNotifier>();
        services.AddSingleton<IAlertNotifier>(sp => sp.GetRequiredService<WebhookNotifier>());
        services.AddSingleton<IAlertChannelSender>(sp => sp.GetRequiredService<WebhookNotifier>());
        services.TryAddSingleton<IAlertNotificationGate, OpenNotificationGate>();
        services.AddHostedService<WebhookDeliveryService>();
        return services;
    }
}
