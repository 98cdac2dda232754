namespace InfraFunctions.Core.Monitor;

/// <summary>
/// Where the Log Analytics and Resource Manager APIs are, and the token scope each is called with. A token's audience
/// follows its endpoint: <c>{endpoint}/.default</c>, as the sovereign clouds expect, except that the public endpoints
/// keep the public-cloud scopes (Log Analytics' audience there is <c>https://api.loganalytics.io</c>).
/// </summary>
public sealed record MonitorEndpoints(Uri LogAnalytics, string LogAnalyticsScope, Uri ResourceManager, string ResourceManagerScope)
{
    public static MonitorEndpoints Public { get; } =
        new(LogAnalyticsClient.DefaultEndpoint, LogAnalyticsClient.Scope, MetricsClient.DefaultEndpoint, MetricsClient.Scope);

    /// <summary>The endpoints of validated options (see <see cref="MonitorOptions.IsHttpsOrigin"/>).</summary>
    public static MonitorEndpoints From(MonitorOptions options)
    {
        var logs = new Uri(options.LogAnalyticsEndpoint, UriKind.Absolute);
        var arm = new Uri(options.ResourceManagerEndpoint, UriKind.Absolute);
        return new MonitorEndpoints(
            logs, ScopeFor(logs, options.LogAnalyticsAudience, Public.LogAnalytics, Public.LogAnalyticsScope),
            arm, ScopeFor(arm, options.ResourceManagerAudience, Public.ResourceManager, Public.ResourceManagerScope));
    }

    private static string ScopeFor(Uri endpoint, string? audience, Uri publicEndpoint, string publicScope)
    {
        if (!string.IsNullOrWhiteSpace(audience))
        {
            return audience.TrimEnd('/') + "/.default";
        }

        return endpoint == publicEndpoint ? publicScope : endpoint.GetLeftPart(UriPartial.Authority) + "/.default";
    }
}
