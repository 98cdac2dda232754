namespace InfraFunctions.Core.Auth;

public static class AuthServiceCollectionExtensions
{
    /// <summary>Agent keys and access tokens, enrollment tokens, and where the install command points.</summary>
    public static IServiceCollection AddCredentials(this IServiceCollection services)
    {
        services.AddSingleton<CredentialRepository>();
        services.AddSingleton<EnrollmentTokenRepository>();
        services.AddOptions<AgentOptions>().BindConfiguration(AgentOptions.SectionName)
            .Validate(o => AgentOptions.IsBaseUrl(o.DownloadBaseUrl) && AgentOptions.IsBaseUrl(o.ApiBaseUrl),
                "Agent__DownloadBaseUrl and Agent__ApiBaseUrl must each be empty or an absolute http(s) URL without a query, such as https://example.azurestaticapps.net.")
            .ValidateOnStart();
        return services;
    }
}
