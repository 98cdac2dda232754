using Microsoft.AspNetCore.SignalR;

namespace InfraFunctions.LocalHost.SignalR;

/// <summary>
/// The client side of the stand-in: connections arrive at <c>/client/?hub=...</c> already authenticated by
/// <see cref="StandInClientGate"/>. As in serverless mode, clients only listen; the REST API sends to them.
/// </summary>
public sealed class StandInHub(StandInConnections connections) : Hub
{
    public override async Task OnConnectedAsync()
    {
        var hub = Context.GetHttpContext()!.Request.Query["hub"].ToString();
        connections.Add(Context, hub);
        await Groups.AddToGroupAsync(Context.ConnectionId, StandInConnections.HubKey(hub));
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
