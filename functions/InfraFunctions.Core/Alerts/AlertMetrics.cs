namespace InfraFunctions.Core.Alerts;

public static class AlertMetrics
{
    public const string HostDown = "host_down";
}
