namespace InfraFunctions.Core.Options;

/// <summary>
/// Binds every settings section of the domain, with its validations, in one place: a bad value fails at start with a
/// message naming the setting, before any function runs.
/// </summary>
public static class InfraOptionsServiceCollectionExtensions
{
    public static IServiceCollection AddInfraOptions(this IServiceCollection services)
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
        services.AddOptions<SignalROptions>().BindConfiguration(SignalROptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AggregationOptions>().BindConfiguration(AggregationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => o.CertificateCriticalDays < o.CertificateWarningDays, $"{AlertOptions.SectionName}__{nameof(AlertOptions.CertificateCriticalDays)} must be less than {AlertOptions.SectionName}__{nameof(AlertOptions.CertificateWarningDays)}.")
            .ValidateOnStart();
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => new[] { o.GenericUrls, o.SlackUrls, o.TeamsUrls }.SelectMany(WebhookOptions.Split).All(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"),
                "Every URL in Webhooks__GenericUrls, Webhooks__SlackUrls and Webhooks__TeamsUrls must be an absolute http(s) URL; separate several with spaces, commas or semicolons.")
            .ValidateOnStart();
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
