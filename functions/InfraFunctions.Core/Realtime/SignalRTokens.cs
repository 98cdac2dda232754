using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace InfraFunctions.Core.Realtime;

/// <summary>
/// Signs SignalR Service tokens as the service documents them: HS256, keyed with the UTF-8 bytes of the AccessKey
/// (not its base64 decoding), <c>aud</c> = the request URL for REST calls or the client URL for clients,
/// and <c>nameid</c> for the user a client connection belongs to.
/// </summary>
public static class SignalRTokens
{
    public const string NameIdClaim = "nameid";

    /// <summary>Per-request server tokens are short-lived: each REST call signs its own.</summary>
    public static readonly TimeSpan ServerTokenLifetime = TimeSpan.FromMinutes(5);

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public static SymmetricSecurityKey SigningKey(string accessKey) => new(Encoding.UTF8.GetBytes(accessKey));

    /// <summary>A token for one REST call: <c>aud</c> is the request URL without its query, as the service compares it.</summary>
    public static string ForRequest(string accessKey, Uri requestUrl, DateTimeOffset now) =>
        Create(accessKey, RequestAudience(requestUrl), now, ServerTokenLifetime, nameId: null);

    /// <summary>A client token: <c>aud</c> is the client URL, <c>nameid</c> the signed-in caller.</summary>
    public static string ForClient(string accessKey, string clientUrl, string nameId, DateTimeOffset now, TimeSpan lifetime) =>
        Create(accessKey, clientUrl, now, lifetime, nameId);

    public static string RequestAudience(Uri requestUrl) => requestUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');

    private static string Create(string accessKey, string audience, DateTimeOffset now, TimeSpan lifetime, string? nameId)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Audience = audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(SigningKey(accessKey), SecurityAlgorithms.HmacSha256),
        };
        if (nameId is not null)
        {
            descriptor.Claims = new Dictionary<string, object> { [NameIdClaim] = nameId };
        }

        return Handler.CreateToken(descriptor);
    }
}
