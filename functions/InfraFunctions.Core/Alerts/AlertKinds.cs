namespace InfraFunctions.Core.Alerts;

public static class AlertKinds
{
    public const string Raised = "raised";
    public const string Resolved = "resolved";
}
