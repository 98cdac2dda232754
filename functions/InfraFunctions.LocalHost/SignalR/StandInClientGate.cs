using InfraFunctions.LocalHost.Http;

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
