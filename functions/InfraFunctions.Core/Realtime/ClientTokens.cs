namespace InfraFunctions.Core.Realtime;

/// <summary>
/// The client URL and an access token for a signed-in reader. With an AccessKey the token is signed here; with managed
/// identity SignalR Service issues it. Either way it lives <c>SignalR__ClientTokenLifetimeMinutes</c>.
/// </summary>
public sealed class ClientTokens(SignalRAccess access, SignalRRestClient client, IOptions<SignalROptions> options, TimeProvider time)
{
    /// <summary>The URL and token, or null when live updates are not configured.</summary>
    public async Task<ClientAccess?> IssueAsync(string subject, CancellationToken cancellationToken = default)
    {
        if (access.Connection is not { } connection)
        {
            return null;
        }

        var settings = options.Value;
        var url = connection.ClientUrl(settings.HubName);
        var token = connection.AccessKey is { } key
            ? SignalRTokens.ForClient(key, url, subject, time.GetUtcNow(), TimeSpan.FromMinutes(settings.ClientTokenLifetimeMinutes))
            : await client.GenerateClientTokenAsync(subject, settings.ClientTokenLifetimeMinutes, cancellationToken);
        return new ClientAccess(url, token);
    }
}
