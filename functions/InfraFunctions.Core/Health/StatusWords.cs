namespace InfraFunctions.Core.Health;

/// <summary>
/// The words the API, alerts, webhooks, the dashboard and the Prometheus export use for health levels, statuses and
/// severities, each spelt once here. <see cref="ThresholdStatus"/>, <see cref="HostStatus"/>, <see cref="HealthScore"/>
/// and <see cref="Severity"/> name the ones that apply to each.
/// </summary>
public static class StatusWords
{
    public const string Healthy = "healthy";
    public const string Degraded = "degraded";
    public const string Warning = "warning";
    public const string Critical = "critical";
    public const string Down = "down";
}
