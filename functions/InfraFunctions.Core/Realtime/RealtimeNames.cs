namespace InfraFunctions.Core.Realtime;

/// <summary>Names shared by the server and the dashboard.</summary>
public static class RealtimeNames
{
    public const string MetricsUpdated = "metrics.updated";
    public const string AlertUpdated = "alert.updated";
    public const string FleetGroup = "observability-metrics";

    public static string HostGroup(string hostId) => $"host-{hostId}";

    /// <summary>A group holding only this connection: how the server asks the service whose connection it is.</summary>
    public static string ConnectionGroup(string connectionId) => $"connection-{connectionId}";
}
