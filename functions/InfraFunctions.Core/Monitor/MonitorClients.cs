using Azure.Core;
using Azure.Identity;

namespace InfraFunctions.Core.Monitor;

/// <summary>
/// The two Monitor clients over one credential. In Azure the credential is the function app's managed identity
/// (<c>Monitor__ClientId</c>); tests pass their own credential and loopback endpoints.
/// </summary>
public sealed class MonitorClients(TokenCredential credential, Uri? logsEndpoint = null, Uri? managementEndpoint = null, MonitorClientOptions? options = null)
{
    public LogAnalyticsClient Logs { get; } =
        new(MonitorPipeline.Create(credential, LogAnalyticsClient.Scope, options), logsEndpoint ?? LogAnalyticsClient.DefaultEndpoint);

    public MetricsClient Metrics { get; } =
        new(MonitorPipeline.Create(credential, MetricsClient.Scope, options), managementEndpoint ?? MetricsClient.DefaultEndpoint);

    public static MonitorClients ForManagedIdentity(string? clientId) =>
        new(new ManagedIdentityCredential(string.IsNullOrWhiteSpace(clientId) ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId)));
}
