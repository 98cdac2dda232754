using InfraFunctions.Core.Alerts;
using InfraFunctions.Core.Channels;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InfraFunctions.Core.Webhooks;

/// <summary>Registers notification channels and their delivery: the channel directory, the outbox, its delivery service and redelivery, the tester, and the notifier alerts reach them through.</summary>
public static class WebhooksServiceCollectionExtensions
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddSingleton<ChannelRepository>();
        services.AddSingleton<ChannelDirectory>();
        services.AddSingleton<IChannelDirectory>(sp => sp.GetRequiredService<ChannelDirectory>());
        services.AddSingleton<WebhookOutcomes>();
        // The client factory's own logging writes each request's URL, and a channel's URL is a secret: the delivery
        // service and the tester log the channel's id and host instead.
        services.AddHttpClient(WebhookDeliveryService.ClientName).RemoveAllLoggers();
        services.AddSingleton<WebhookOutbox>();
        services.AddSingleton<WebhookRedelivery>();
        services.AddSingleton<ChannelTester>();
        services.AddSingleton<WebhookNotifier>();
        services.AddSingleton<IAlertNotifier>(sp => sp.GetRequiredService<WebhookNotifier>());
        services.AddSingleton<IAlertChannelSender>(sp => sp.GetRequiredService<WebhookNotifier>());
        services.TryAddSingleton<IAlertNotificationGate, OpenNotificationGate>();
        services.AddHostedService<WebhookDeliveryService>();
        return services;
    }
}
