namespace InfraFunctions.Auth;

/// <summary>Accepts <c>Authorization: Bearer ift_...</c> tokens issued through the admin API.</summary>
public sealed class BearerTokenAuthenticator(CredentialRepository credentials) : IRequestAuthenticator
{
    public async Task<Caller?> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        var token = BearerValue(request);
        var record = await credentials.FindTokenBySecretAsync(token, cancellationToken);
        return record is null ? null : new Caller(record.TokenId, record.Name, record.Role);
    }

    public static string? BearerValue(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? header[scheme.Length..].Trim() : null;
    }
}
