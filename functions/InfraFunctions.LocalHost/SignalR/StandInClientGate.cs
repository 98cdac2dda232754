using InfraFunctions.LocalHost.Http;
using Microsoft.AspNetCore.Http.Features;

namespace InfraFunctions.LocalHost.SignalR;

/// <summary>
/// Guards <c>/client</c> (negotiate and every transport): the hub must be one the stand-in serves, and the client
/// token (<c>access_token</c> query or <c>Authorization: Bearer</c>) must be valid for that hub's client URL.
/// </summary>
public sealed class StandInClientGate(StandInTokens tokens, StandInHubs hubs, ILogger<StandInClientGate> logger)
{
    public async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var hub = context.Request.Query["hub"].ToString();
        if (!hubs.IsKnown(hub))
        {
            await Problems.WriteAsync(context, StatusCodes.Status404NotFound, "Unknown hub",
                $"This SignalR stand-in serves the hub(s) {hubs}; '{hub}' is not one of them.");
            return;
        }

        var token = context.Request.Query["access_token"].ToString();
        if (token.Length == 0 && context.Request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            token = header["Bearer ".Length..].Trim();
        }

        var result = await tokens.ValidateClientAsync(token, hub);
        if (!result.IsValid)
        {
            logger.LogInformation("SignalR stand-in refused a client of hub {Hub}: {Reason}", hub, result.Exception?.Message);
            await Problems.WriteAsync(context, StatusCodes.Status401Unauthorized, "Client token refused",
                "The client access token is missing, expired, signed with another key or issued for another URL. Negotiate again through /api/negotiate.");
            return;
        }

        context.User = StandInTokens.Principal(result);
        await next();
    }
}

/// <summary>The hubs the stand-in serves: the app's own hub (SignalR__HubName).</summary>
public sealed class StandInHubs(IEnumerable<string> names)
{
    private readonly HashSet<string> _names = new(names, StringComparer.Ordinal);

    public bool IsKnown(string hub) => _names.Contains(hub);

    public override string ToString() => string.Join(", ", _names.Select(n => $"'{n}'"));
}

/// <summary>What a server token's audience is compared with.</summary>
public static class StandInRequests
{
    /// <summary>The request target exactly as the client sent it, without its query.</summary>
    public static string RawPath(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.ToUriComponent();
        var query = raw.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? raw : raw[..query];
    }
}
