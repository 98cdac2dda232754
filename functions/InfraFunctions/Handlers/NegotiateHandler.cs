using InfraFunctions.Core.Realtime;

namespace InfraFunctions.Handlers;

/// <summary>
/// <c>POST /api/negotiate</c>: a reader gets the service's client URL and a token for it, and the stock SignalR
/// clients follow that redirect. With an AccessKey the token is signed here; with managed identity the service issues it.
/// </summary>
public sealed class NegotiateHandler(ClientTokens tokens)
{
    public async Task<IActionResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        var caller = AuthenticatedCaller.Of(request);
        ClientAccess? access;
        try
        {
            access = await tokens.IssueAsync(caller.Subject, cancellationToken);
        }
        catch (Exception ex) when (SignalRFailures.IsServiceFailure(ex, cancellationToken))
        {
            return RealtimeProblems.Unavailable(ex);
        }

        return access is null
            ? RealtimeProblems.NotConfigured()
            : ApiResults.Ok(new NegotiateResponse(access.Url, access.AccessToken), ApiJsonContext.Default.NegotiateResponse);
    }
}
