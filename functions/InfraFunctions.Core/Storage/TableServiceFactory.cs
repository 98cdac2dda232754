using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;

namespace InfraFunctions.Core.Storage;

/// <summary>
/// Connects to Table Storage the way the Functions host does: identity-based
/// (<c>AzureWebJobsStorage__tableServiceUri</c>, <c>__credential</c>, <c>__clientId</c>) in Azure,
/// a connection string (<c>AzureWebJobsStorage</c>) locally.
/// </summary>
public static class TableServiceFactory
{
    public static TableServiceClient Create(IConfiguration configuration)
    {
        var section = configuration.GetSection(AppSettingNames.Storage);
        var options = new TableClientOptions();
        // Fail fast when storage is down: ingest answers 503 with Retry-After and the agent retries later.
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(15);

        if (section["tableServiceUri"] is { Length: > 0 } uri)
        {
            return new TableServiceClient(new Uri(uri), Credential(section), options);
        }

        if (section.Value is { Length: > 0 } connectionString)
        {
            return new TableServiceClient(connectionString, options);
        }

        throw new InvalidOperationException(
            "Table Storage is not configured: set AzureWebJobsStorage to a connection string (UseDevelopmentStorage=true for Azurite), " +
            "or AzureWebJobsStorage__tableServiceUri with AzureWebJobsStorage__credential=managedidentity.");
    }

    private static TokenCredential Credential(IConfigurationSection section) =>
        string.Equals(section["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(section["clientId"] is { Length: > 0 } id ? ManagedIdentityId.FromUserAssignedClientId(id) : ManagedIdentityId.SystemAssigned)
            : new DefaultAzureCredential();
}
