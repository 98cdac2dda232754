namespace InfraFunctions.Core.Alerts;

public static class AlertStates
{
    public const string Open = "open";
    public const string Resolved = "resolved";
}
