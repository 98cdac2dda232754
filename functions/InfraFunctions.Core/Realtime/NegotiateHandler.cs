using InfraFunctions.Core.Api;
using InfraFunctions.Core.Auth;
using InfraFunctions.Core.Options;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace InfraFunctions.Core.Realtime;

/// <summary>
/// <c>POST /api/negotiate</c>: a reader gets the service's client URL and a token for it, and the stock SignalR
/// clients follow that redirect. With an AccessKey the token is signed here; with managed identity the service issues it.
/// </summary>
public sealed class NegotiateHandler(SignalRAccess access, SignalRRestClient client, ApiGuard guard, IOptions<SignalROptions> options, TimeProvider time)
{
    public Task<IActionResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken = default) =>
        guard.RunAsync("Negotiate", () => NegotiateAsync(request, cancellationToken));

    private async Task<IActionResult> NegotiateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = AuthenticatedCaller.Of(request);

        if (access.Connection is not { } connection)
        {
            return RealtimeProblems.NotConfigured();
        }

        var settings = options.Value;
        var url = connection.ClientUrl(settings.HubName);
        string token;
        if (connection.AccessKey is { } key)
        {
            token = SignalRTokens.ForClient(key, url, caller.Subject, time.GetUtcNow(), TimeSpan.FromMinutes(settings.ClientTokenLifetimeMinutes));
        }
        else
        {
            try
            {
                token = await client.GenerateClientTokenAsync(caller.Subject, settings.ClientTokenLifetimeMinutes, cancellationToken);
            }
            catch (Exception ex) when (RealtimeProblems.IsServiceFailure(ex, cancellationToken))
            {
                return RealtimeProblems.Unavailable(ex);
            }
        }

        return ApiResults.Ok(new NegotiateResponse(url, token), ApiJsonContext.Default.NegotiateResponse);
    }
}
