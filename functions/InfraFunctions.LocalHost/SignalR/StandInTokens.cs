using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace InfraFunctions.LocalHost.SignalR;

/// <summary>Validates tokens as SignalR Service does: HS256 keyed with the AccessKey's UTF-8 bytes (not its base64 decoding), the expected audience, a live lifetime.</summary>
public sealed class StandInTokens(StandInConnectionString connection, TimeProvider time)
{
    /// <summary>The claim that names the user a client connection belongs to.</summary>
    public const string NameIdClaim = "nameid";

    private static readonly TimeSpan Skew = TimeSpan.FromSeconds(30);
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly SymmetricSecurityKey _key = new(Encoding.UTF8.GetBytes(connection.AccessKey));

    public StandInConnectionString Connection => connection;

    /// <summary>A client token must name this service's client URL for the hub.</summary>
    public Task<TokenValidationResult> ValidateClientAsync(string? token, string hub) =>
        ValidateAsync(token, [connection.ClientUrl(hub), $"{connection.BaseUrl}/client?hub={hub}"]);

    /// <summary>A server token must name the request URL without its query.</summary>
    public Task<TokenValidationResult> ValidateServerAsync(string? token, string rawPath) =>
        ValidateAsync(token, [$"{connection.BaseUrl}{rawPath}".TrimEnd('/')]);

    public static ClaimsPrincipal Principal(TokenValidationResult result)
    {
        var identity = result.ClaimsIdentity;
        if (identity.FindFirst(NameIdClaim) is { } nameId)
        {
            identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, nameId.Value));
        }

        return new ClaimsPrincipal(identity);
    }

    private async Task<TokenValidationResult> ValidateAsync(string? token, string[] audiences)
    {
        if (string.IsNullOrEmpty(token))
        {
            return new TokenValidationResult { IsValid = false, Exception = new SecurityTokenException("No access token was sent.") };
        }

        var parameters = new TokenValidationParameters
        {
            IssuerSigningKey = _key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidAudiences = audiences,
            ValidateIssuer = false,
            RequireExpirationTime = true,
            LifetimeValidator = ValidLifetime,
        };
        return await _handler.ValidateTokenAsync(token, parameters);
    }

    // The service's clock here is the app's TimeProvider, so tests with a fake clock see consistent expiry.
    private bool ValidLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return expires is { } exp && now < exp + Skew && (notBefore is not { } nbf || nbf <= now + Skew);
    }
}
