using InfraFunctions.Core.Auth;

namespace InfraFunctions.Core.Realtime;

/// <summary>
/// Ends a revoked token's live access: SignalR Service closes every connection whose client token named it
/// (negotiate puts the token id in <c>nameid</c>), and the streams it started end, so their hosts drop back to the
/// normal post interval. The client tokens themselves cannot be revoked; they are short-lived, and negotiating a new
/// one checks the access token again. A service outage does not undo the revocation: it is logged, and the client
/// tokens run out on their own.
/// </summary>
public sealed class LiveAccessRevoker(SignalRAccess access, SignalRRestClient client, StreamLeases leases, ILogger<LiveAccessRevoker> logger)
    : ITokenRevocationSubscriber
{
    public async Task OnRevokedAsync(string tokenId, CancellationToken cancellationToken = default)
    {
        if (!access.IsConfigured)
        {
            return;
        }

        try
        {
            await client.CloseUserConnectionsAsync(tokenId, "The access token was revoked.", cancellationToken);
            foreach (var connectionId in await leases.ConnectionsOfAsync(tokenId, cancellationToken))
            {
                await leases.StopAsync(connectionId, cancellationToken);
            }
        }
        catch (Exception ex) when (SignalRFailures.IsServiceFailure(ex, cancellationToken))
        {
            logger.LogWarning(ex, "Token {TokenId} is revoked, but SignalR Service did not close its live connections; they stop receiving once their streams' leases end", tokenId);
        }
    }
}
