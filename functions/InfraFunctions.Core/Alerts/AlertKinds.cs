namespace InfraFunctions.Core.Alerts;

public static class AlertKinds
{
    public const string Raised = "raised";
    public const string Resolved = "resolved";

    /// <summary>An alert still open after its rule's re-notify interval, sent again.</summary>
    public const string Renotify = "renotify";

    /// <summary>The one summary channels get when an alert starts flapping; its raises and resolves are held until it settles.</summary>
    public const string Flapping = "flapping";

    /// <summary>A channel's test message.</summary>
    public const string Test = "test";
}
