namespace InfraFunctions.LocalHost.SignalR;

/// <summary>The REST API versions that introduced the calls the stand-in checks the version of.</summary>
public static class StandInApiVersions
{
    /// <summary><c>GET /api/hubs/{hub}/groups/{group}/connections</c> is documented from this version on.</summary>
    public const string ListGroup = "2024-12-01";
}
