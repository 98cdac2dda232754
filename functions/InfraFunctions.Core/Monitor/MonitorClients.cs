using Azure.Core;
using Azure.Identity;

namespace InfraFunctions.Core.Monitor;

/// <summary>
/// The two Monitor clients over one credential. In Azure the credential is the function app's managed identity
/// (<c>Monitor__ClientId</c>), and the endpoints are the public cloud's unless <c>Monitor__*Endpoint</c> say otherwise.
/// </summary>
public sealed class MonitorClients(TokenCredential credential, MonitorEndpoints endpoints, MonitorClientOptions? options = null)
{
    public LogAnalyticsClient Logs { get; } =
        new(MonitorPipeline.Create(credential, endpoints.LogAnalyticsScope, options), endpoints.LogAnalytics);

    public MetricsClient Metrics { get; } =
        new(MonitorPipeline.Create(credential, endpoints.ResourceManagerScope, options), endpoints.ResourceManager);

    /// <summary>The managed identity (user-assigned when <see cref="MonitorOptions.ClientId"/> is set) and the configured endpoints.</summary>
    public static MonitorClients ForManagedIdentity(MonitorOptions options) =>
        new(new ManagedIdentityCredential(string.IsNullOrWhiteSpace(options.ClientId) ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(options.ClientId)),
            MonitorEndpoints.From(options));
}
