namespace InfraFunctions.Core.Options;

/// <summary>
/// Azure Monitor sources for the traces and metrics endpoints. The workspace and resource id are unset locally.
/// The endpoints default to the public cloud; a sovereign cloud (Azure China, Azure US Government) has its own,
/// for example <c>https://api.loganalytics.azure.cn</c> and <c>https://management.chinacloudapi.cn</c>.
/// </summary>
public sealed class MonitorOptions
{
    public const string SectionName = "Monitor";

    /// <summary>The app setting that turns traces on.</summary>
    public const string WorkspaceSetting = SectionName + "__" + nameof(WorkspaceId);

    public const string DefaultLogAnalyticsEndpoint = "https://api.loganalytics.azure.com";

    public const string DefaultResourceManagerEndpoint = "https://management.azure.com";

    /// <summary>The Log Analytics workspace id (its customer id, a GUID) that Application Insights writes to.</summary>
    public string? WorkspaceId { get; set; }

    /// <summary>The function app's own ARM resource id, for its platform metrics.</summary>
    public string? FunctionAppResourceId { get; set; }

    /// <summary>The managed identity's client id used for the Monitor APIs; unset for the system-assigned identity.</summary>
    public string? ClientId { get; set; }

    /// <summary>The Log Analytics query API, an https origin.</summary>
    public string LogAnalyticsEndpoint { get; set; } = DefaultLogAnalyticsEndpoint;

    /// <summary>Azure Resource Manager, which serves the Monitor metrics API, an https origin.</summary>
    public string ResourceManagerEndpoint { get; set; } = DefaultResourceManagerEndpoint;

    /// <summary>
    /// The token audience for Log Analytics when it is not the endpoint's own (empty: the endpoint's, which for the
    /// public endpoint is <c>https://api.loganalytics.io</c>).
    /// </summary>
    public string LogAnalyticsAudience { get; set; } = string.Empty;

    /// <summary>The token audience for Resource Manager when it is not the endpoint's own (empty: the endpoint's).</summary>
    public string ResourceManagerAudience { get; set; } = string.Empty;

    /// <summary>An absolute https URL with no path, query or fragment, such as <c>https://management.azure.com</c>.</summary>
    public static bool IsHttpsOrigin(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttps
        && uri.AbsolutePath == "/"
        && uri.Query.Length == 0
        && uri.Fragment.Length == 0
        && string.IsNullOrEmpty(uri.UserInfo);
}
