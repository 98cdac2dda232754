using System.ComponentModel.DataAnnotations;

namespace InfraFunctions.Core.Options;

/// <summary>Live updates through SignalR Service (README "Live updates"). The service itself is named by the AzureSignalRConnectionString setting.</summary>
public sealed class SignalROptions
{
    public const string SectionName = "SignalR";

    /// <summary>The hub the dashboard connects to.</summary>
    [Required, RegularExpression("^[A-Za-z][A-Za-z0-9_]{0,127}$", ErrorMessage = "SignalR__HubName must start with a letter and hold only letters, digits and underscores.")]
    public string HubName { get; set; } = "observability";

    /// <summary>
    /// How long a client token from negotiate opens connections. Short, because the service cannot revoke a token:
    /// once its caller's access token is revoked, only negotiate (which checks that token again) issues new ones.
    /// The client negotiates again whenever it reconnects.
    /// </summary>
    [Range(1, 1440)] public int ClientTokenLifetimeMinutes { get; set; } = 5;

    /// <summary>How long a start-metrics-stream lease lives; the dashboard renews it while the page is open.</summary>
    [Range(1, 3600)] public int LeaseSeconds { get; set; } = 120;

    /// <summary>The <c>next_post_seconds</c> told to the agent of a host someone watches live.</summary>
    [Range(1, 60)] public int StreamPostIntervalSeconds { get; set; } = 2;

    /// <summary>
    /// How often an instance reads who watches which host: a lease taken through another instance changes what this
    /// one tells agents within this time (at once for one taken through this instance).
    /// </summary>
    [Range(1, 60)] public int WatchedHostsRefreshSeconds { get; set; } = 5;
}
