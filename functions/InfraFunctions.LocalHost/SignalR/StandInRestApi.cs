using InfraFunctions.LocalHost.Http;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;

namespace InfraFunctions.LocalHost.SignalR;

/// <summary>
/// The serverless REST subset of SignalR Service (api-version 2022-06-01) that the function app uses:
/// hub and group sends (202), group membership, connection existence, closing a connection (200) or a user's
/// connections (204), listing a group's connections with their users (2024-12-01) and health. Every call but
/// health needs a server token whose audience is the request URL; a bad one gets 401, an unknown hub 404.
/// </summary>
public static class StandInRestApi
{
    public static void Map(WebApplication app)
    {
        app.MapMethods("/api/health", [HttpMethods.Head, HttpMethods.Get], () => Results.Ok());

        var hubs = app.MapGroup("/api/hubs/{hub}").AddEndpointFilter(AuthorizeAsync);
        hubs.MapPost("/:send", (string hub, HttpContext context, IHubContext<StandInHub> clients) =>
            SendAsync(clients.Clients.Group(StandInConnections.HubKey(hub)), context));
        hubs.MapPost("/groups/{group}/:send", (string hub, string group, HttpContext context, IHubContext<StandInHub> clients) =>
            SendAsync(clients.Clients.Group(StandInConnections.GroupKey(hub, group)), context));
        hubs.MapPut("/groups/{group}/connections/{connectionId}", AddToGroupAsync);
        hubs.MapDelete("/groups/{group}/connections/{connectionId}", RemoveFromGroupAsync);
        hubs.MapDelete("/connections/{connectionId}/groups", RemoveFromAllGroupsAsync);
        hubs.MapMethods("/connections/{connectionId}", [HttpMethods.Head], async (string hub, string connectionId, StandInConnections connections, HttpContext context) =>
            await connections.ExistsSoonAsync(hub, connectionId, context.RequestAborted) ? Results.Ok() : Results.NotFound());
        hubs.MapDelete("/connections/{connectionId}", (string hub, string connectionId, StandInConnections connections) =>
        {
            connections.CloseConnection(hub, connectionId);
            return Results.Ok();
        });
        hubs.MapPost("/users/{user}/:closeConnections", (string hub, string user, HttpContext context, StandInConnections connections) =>
        {
            connections.CloseUser(hub, user, [.. context.Request.Query["excluded"].OfType<string>()]);
            return Results.NoContent();
        });
        hubs.MapGet("/groups/{group}/connections", ListGroupAsync);
    }

    /// <summary>
    /// <c>GET .../groups/{group}/connections</c> (api-version 2024-12-01 on): <c>{"value": [{"connectionId", "userId"}]}</c>,
    /// at most <c>top</c> members, pages of <c>maxpagesize</c> (1-200) linked by an absolute <c>nextLink</c>.
    /// </summary>
    private static async Task<IResult> ListGroupAsync(string hub, string group, HttpContext context, StandInConnections connections)
    {
        var query = context.Request.Query;
        if (string.CompareOrdinal(query["api-version"].ToString(), StandInApiVersions.ListGroup) < 0)
        {
            await Problems.WriteAsync(context, StatusCodes.Status400BadRequest, "Unsupported api-version", $"Listing a group's connections needs api-version={StandInApiVersions.ListGroup} or later.");
            return Results.Empty;
        }

        var top = int.TryParse(query["top"], out var t) && t > 0 ? t : int.MaxValue;
        var pageSize = int.TryParse(query["maxpagesize"], out var m) ? m : 200;
        if (pageSize is < 1 or > 200)
        {
            await Problems.WriteAsync(context, StatusCodes.Status400BadRequest, "Invalid maxpagesize", "maxpagesize must be between 1 and 200.");
            return Results.Empty;
        }

        var skip = int.TryParse(query["continuationToken"], out var c) && c > 0 ? c : 0;
        var members = connections.MembersOf(hub, group).Take(top).ToArray();
        var page = members.Skip(skip).Take(pageSize).Select(member => new Dictionary<string, string?> { ["connectionId"] = member.ConnectionId, ["userId"] = member.UserId }).ToArray();
        var next = skip + page.Length < members.Length
            ? $"{context.Request.Scheme}://{context.Request.Host}{context.Request.Path}?api-version={query["api-version"]}&maxpagesize={pageSize}&top={members.Length}&continuationToken={skip + page.Length}"
            : null;
        return Results.Json(next is null ? new Dictionary<string, object> { ["value"] = page } : new Dictionary<string, object> { ["value"] = page, ["nextLink"] = next });
    }

    private static async ValueTask<object?> AuthorizeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var hub = context.GetRouteValue("hub")?.ToString() ?? string.Empty;
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
        var result = await context.RequestServices.GetRequiredService<StandInTokens>().ValidateServerAsync(token, StandInRequests.RawPath(context));
        if (!result.IsValid)
        {
            await Problems.WriteAsync(context, StatusCodes.Status401Unauthorized, "Server token refused",
                "Send 'Authorization: Bearer <JWT>' signed (HS256) with the AccessKey, with 'aud' equal to the request URL without its query, and not expired.");
            return Results.Empty;
        }

        if (!context.RequestServices.GetRequiredService<StandInHubs>().IsKnown(hub))
        {
            await Problems.WriteAsync(context, StatusCodes.Status404NotFound, "Unknown hub", $"This SignalR stand-in does not serve the hub '{hub}'.");
            return Results.Empty;
        }

        if (context.Request.Query["api-version"].Count == 0)
        {
            await Problems.WriteAsync(context, StatusCodes.Status400BadRequest, "api-version missing", "Add ?api-version=2022-06-01.");
            return Results.Empty;
        }

        return await next(invocation);
    }

    private static async Task<IResult> SendAsync(IClientProxy clients, HttpContext context)
    {
        JsonElement body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException)
        {
            await Problems.WriteAsync(context, StatusCodes.Status400BadRequest, "Invalid payload", "The body must be {\"target\": \"...\", \"arguments\": [...]}.");
            return Results.Empty;
        }

        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("target", out var target) || target.ValueKind != JsonValueKind.String)
        {
            await Problems.WriteAsync(context, StatusCodes.Status400BadRequest, "Invalid payload", "The body must be {\"target\": \"...\", \"arguments\": [...]}.");
            return Results.Empty;
        }

        var arguments = body.TryGetProperty("arguments", out var a) && a.ValueKind == JsonValueKind.Array
            ? a.EnumerateArray().Select(e => (object?)e.Clone()).ToArray()
            : [];
        await clients.SendCoreAsync(target.GetString()!, arguments, context.RequestAborted);
        return Results.Accepted();
    }

    private static async Task<IResult> AddToGroupAsync(string hub, string group, string connectionId, StandInConnections connections, IHubContext<StandInHub> clients, HttpContext context)
    {
        if (!await connections.ExistsSoonAsync(hub, connectionId, context.RequestAborted))
        {
            return Results.NotFound();
        }

        var key = StandInConnections.GroupKey(hub, group);
        await clients.Groups.AddToGroupAsync(connectionId, key);
        connections.Joined(connectionId, key);
        return Results.Ok();
    }

    private static async Task<IResult> RemoveFromGroupAsync(string hub, string group, string connectionId, StandInConnections connections, IHubContext<StandInHub> clients)
    {
        var key = StandInConnections.GroupKey(hub, group);
        await clients.Groups.RemoveFromGroupAsync(connectionId, key);
        connections.Left(connectionId, key);
        return Results.Ok();
    }

    private static async Task<IResult> RemoveFromAllGroupsAsync(string hub, string connectionId, StandInConnections connections, IHubContext<StandInHub> clients)
    {
        foreach (var key in connections.GroupsOf(connectionId))
        {
            await clients.Groups.RemoveFromGroupAsync(connectionId, key);
            connections.Left(connectionId, key);
        }

        return Results.Ok();
    }
}
