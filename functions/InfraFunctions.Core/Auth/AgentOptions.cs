namespace InfraFunctions.Core.Auth;

/// <summary>
/// Where the one-line install command points (<c>Agent__*</c>). Each is unset by default: the command then uses the
/// origin of the request that asked for it, which is right wherever one host serves both the API and <c>/agent/</c>.
/// </summary>
public sealed class AgentOptions
{
    public const string SectionName = "Agent";

    /// <summary>Where <c>/agent/install.sh</c> and the agent binaries are served, such as the Static Web App's URL.</summary>
    public string? DownloadBaseUrl { get; set; }

    /// <summary>The API base the agent posts to, such as the function app's URL.</summary>
    public string? ApiBaseUrl { get; set; }

    public static bool IsBaseUrl(string? value) =>
        string.IsNullOrEmpty(value)
        || (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment));
}
