namespace InfraFunctions.Auth;

/// <summary>
/// Decides who a person's or script's request comes from. Bearer tokens issued by an admin are the default;
/// Entra ID sign-in (Static Web Apps' <c>x-ms-client-principal</c>, App Service authentication) can be added as
/// another implementation without touching the functions.
/// </summary>
public interface IRequestAuthenticator
{
    /// <summary>The caller, or null when the request carries no credential this authenticator accepts.</summary>
    Task<Caller?> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken = default);
}
