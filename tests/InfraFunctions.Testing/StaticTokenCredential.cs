using Azure.Core;

namespace InfraFunctions.Testing;

/// <summary>A test credential: the token names the scope it was asked for, so tests can assert the scope too.</summary>
public sealed class StaticTokenCredential : TokenCredential
{
    public ConcurrentScopes Scopes { get; } = new();

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        var scope = string.Join(' ', requestContext.Scopes);
        Scopes.Add(scope);
        return new AccessToken("test-token-for " + scope, TimeProvider.System.GetUtcNow().AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(GetToken(requestContext, cancellationToken));

    public sealed class ConcurrentScopes : System.Collections.Concurrent.ConcurrentBag<string>;
}
