using InfraFunctions.Core.Aggregation;
using InfraFunctions.Core.Ingest;
using InfraFunctions.Core.Options;
using InfraFunctions.Core.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InfraFunctions.Core.Alerts;

/// <summary>Registers rollups, tiered summaries, alert evaluation, stale-host detection and webhooks.</summary>
public static class AlertingServiceCollectionExtensions
{
    public static IServiceCollection AddAggregationAndAlerting(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AggregationOptions>().BindConfiguration(AggregationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => new[] { o.GenericUrls, o.SlackUrls, o.TeamsUrls }.SelectMany(WebhookOptions.Split).All(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"),
                "Every URL in Webhooks__GenericUrls, Webhooks__SlackUrls and Webhooks__TeamsUrls must be an absolute http(s) URL; separate several with spaces, commas or semicolons.")
            .ValidateOnStart();

        services.AddSingleton<JobStore>();
        services.AddSingleton<TableStats>();
        services.AddSingleton<RollupRepository>();
        services.AddSingleton<AggregationService>();
        services.AddSingleton<TieredSummaryReader>();
        services.AddSingleton<IIngestSubscriber, LateSampleMarker>();

        services.AddSingleton<AlertRepository>();
        services.AddSingleton<AlertTrackStore>();
        services.AddSingleton<AlertPublisher>();
        services.AddSingleton<IIngestSubscriber, AlertEvaluator>();
        services.AddSingleton<StaleHostDetector>();
        services.AddSingleton<DiskForecastAlerts>();

        services.AddSingleton<WebhookOutcomes>();
        services.AddHttpClient(WebhookDeliveryService.ClientName);
        services.AddSingleton<WebhookOutbox>();
        services.AddSingleton<WebhookRedelivery>();
        services.AddSingleton<WebhookNotifier>();
        services.AddSingleton<IAlertNotifier>(sp => sp.GetRequiredService<WebhookNotifier>());
        services.AddHostedService<WebhookDeliveryService>();
        return services;
    }
}
