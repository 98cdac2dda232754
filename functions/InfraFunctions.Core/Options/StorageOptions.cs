namespace InfraFunctions.Core.Options;

/// <summary>
/// Where the tables live. In Azure the app uses the identity-based <c>AzureWebJobsStorage__tableServiceUri</c>
/// with <c>AzureWebJobsStorage__credential=managedidentity</c> and <c>__clientId</c>; locally a connection string.
/// It is read from the <see cref="AppSettingNames.Storage"/> settings, not bound as a section.
/// </summary>
public sealed class StorageOptions
{
    /// <summary>A connection string (local development and Azurite only).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The table endpoint, for identity-based access.</summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>The user-assigned identity's client id.</summary>
    public string? ClientId { get; set; }

    /// <summary><c>managedidentity</c> in Azure.</summary>
    public string? Credential { get; set; }
}
