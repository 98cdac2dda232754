namespace InfraFunctions.Core.Auth;

/// <summary>Reacts to an access token's revocation, after the token no longer authenticates, to end access it already granted.</summary>
public interface ITokenRevocationSubscriber
{
    Task OnRevokedAsync(string tokenId, CancellationToken cancellationToken = default);
}
