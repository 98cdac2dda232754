using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;

namespace InfraFunctions.Core.Realtime;

/// <summary>
/// The configured SignalR Service and how to authorise calls to it: a JWT signed with the AccessKey per request,
/// or an Entra token for <c>https://signalr.azure.com/.default</c> from the managed identity.
/// Absent when the AzureSignalRConnectionString setting is not set: live updates are then off.
/// </summary>
public sealed class SignalRAccess
{
    public const string EntraScope = "https://signalr.azure.com/.default";
    private static readonly string[] Scopes = [EntraScope];
    private readonly TokenCredential? _credential;
    private readonly TimeProvider _time;

    public SignalRAccess(SignalRConnectionString? connection, TimeProvider time, TokenCredential? credential = null)
    {
        Connection = connection;
        _time = time;
        _credential = connection is { UsesManagedIdentity: true }
            ? credential ?? new ManagedIdentityCredential(connection.ClientId is { } id ? ManagedIdentityId.FromUserAssignedClientId(id) : ManagedIdentityId.SystemAssigned)
            : null;
    }

    public SignalRConnectionString? Connection { get; }

    public bool IsConfigured => Connection is not null;

    public static SignalRConnectionString? FromConfiguration(IConfiguration configuration) =>
        configuration[AppSettingNames.SignalRConnectionString] is { Length: > 0 } value ? SignalRConnectionString.Parse(value) : null;

    /// <summary>The bearer token for one REST call to <paramref name="requestUrl"/>.</summary>
    public async ValueTask<string> BearerForAsync(Uri requestUrl, CancellationToken cancellationToken = default)
    {
        var connection = Connection ?? throw new InvalidOperationException($"SignalR Service is not configured ({AppSettingNames.SignalRConnectionString}).");
        if (connection.AccessKey is { } key)
        {
            return SignalRTokens.ForRequest(key, requestUrl, _time.GetUtcNow());
        }

        var token = await _credential!.GetTokenAsync(new TokenRequestContext(Scopes), cancellationToken);
        return token.Token;
    }
}
