namespace InfraFunctions.Core;

/// <summary>
/// App settings read by name rather than through an options section. With the options classes
/// (each <c>SectionName__Property</c>), these are every setting the app reads; the infra tests
/// check that the deployed function app sets each of them.
/// </summary>
public static class AppSettingNames
{
    /// <summary>Table Storage: a connection string locally; in Azure the identity-based
    /// <c>__tableServiceUri</c>, <c>__credential</c> and <c>__clientId</c> children.</summary>
    public const string Storage = "AzureWebJobsStorage";

    /// <summary>SignalR Service: <c>Endpoint=...;AccessKey=...</c> or <c>Endpoint=...;AuthType=azure.msi;ClientId=...</c>.</summary>
    public const string SignalRConnectionString = "AzureSignalRConnectionString";

    /// <summary>NCRONTAB schedule of the RetentionCleanup timer.</summary>
    public const string RetentionSchedule = "RETENTION_SCHEDULE";

    /// <summary>NCRONTAB schedule of the AggregateHourly timer.</summary>
    public const string AggregationHourlySchedule = "AGGREGATION_HOURLY_SCHEDULE";

    /// <summary>NCRONTAB schedule of the AggregateDaily timer.</summary>
    public const string AggregationDailySchedule = "AGGREGATION_DAILY_SCHEDULE";

    /// <summary>NCRONTAB schedule of the DetectStaleHosts timer (every minute).</summary>
    public const string StaleHostsSchedule = "STALE_HOSTS_SCHEDULE";

    /// <summary>NCRONTAB schedule of the RedeliverWebhooks timer (every five minutes).</summary>
    public const string WebhookRedeliverySchedule = "WEBHOOK_REDELIVERY_SCHEDULE";

    /// <summary>NCRONTAB schedule of the ForecastDisks timer (hourly, after the hourly rollup).</summary>
    public const string DiskForecastSchedule = "DISK_FORECAST_SCHEDULE";

    /// <summary>NCRONTAB schedule of the NotifyAlerts timer (every minute): held alerts whose silence ended, and re-notifications.</summary>
    public const string AlertNotifySchedule = "ALERT_NOTIFY_SCHEDULE";

    /// <summary>Application Insights connection string; when set, the app's traces, metrics and logs are exported there.</summary>
    public const string ApplicationInsightsConnectionString = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary><c>Authorization=AAD;ClientId=...</c>: export to Application Insights with that managed identity (local auth is off in Azure).</summary>
    public const string ApplicationInsightsAuthenticationString = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";
}
