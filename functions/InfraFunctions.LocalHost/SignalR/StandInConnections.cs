using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace InfraFunctions.LocalHost.SignalR;

/// <summary>
/// The stand-in's live connections, each with its hub, the user its client token named, the groups the REST API
/// put it in, and its context, so the REST API can close it.
/// </summary>
public sealed class StandInConnections
{
    private readonly ConcurrentDictionary<string, Entry> _connections = new(StringComparer.Ordinal);

    /// <summary>ASP.NET Core groups are per server, so the stand-in prefixes them with the hub it serves them for.</summary>
    public static string GroupKey(string hub, string group) => $"{hub}\n{group}";

    public static string HubKey(string hub) => $"{hub}\n";

    public void Add(HubCallerContext context, string hub) =>
        _connections[context.ConnectionId] = new Entry(hub, context.UserIdentifier, context, new ConcurrentDictionary<string, byte>(StringComparer.Ordinal));

    public void Remove(string connectionId) => _connections.TryRemove(connectionId, out _);

    public bool Exists(string hub, string connectionId) =>
        _connections.TryGetValue(connectionId, out var c) && c.Hub.Equals(hub, StringComparison.Ordinal);

    /// <summary>
    /// Like <see cref="Exists"/>, but waits a moment for a connection that is not registered yet: a client counts
    /// itself connected once the handshake is answered, which is before the server's OnConnectedAsync has run, so
    /// its first REST call can otherwise arrive first.
    /// </summary>
    public async Task<bool> ExistsSoonAsync(string hub, string connectionId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 40 && !Exists(hub, connectionId); attempt++)
        {
            await Task.Delay(25, cancellationToken);
        }

        return Exists(hub, connectionId);
    }

    public int Count => _connections.Count;

    public void Joined(string connectionId, string groupKey)
    {
        if (_connections.TryGetValue(connectionId, out var c))
        {
            c.Groups[groupKey] = 0;
        }
    }

    public void Left(string connectionId, string groupKey)
    {
        if (_connections.TryGetValue(connectionId, out var c))
        {
            c.Groups.TryRemove(groupKey, out _);
        }
    }

    public IReadOnlyList<string> GroupsOf(string connectionId) =>
        _connections.TryGetValue(connectionId, out var c) ? [.. c.Groups.Keys] : [];

    /// <summary>The connections in a group of a hub, each with its user (null for an anonymous client token).</summary>
    public IReadOnlyList<(string ConnectionId, string? UserId)> MembersOf(string hub, string group)
    {
        var key = GroupKey(hub, group);
        return [.. _connections.Where(c => c.Value.Hub.Equals(hub, StringComparison.Ordinal) && c.Value.Groups.ContainsKey(key))
            .OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => (c.Key, c.Value.UserId))];
    }

    /// <summary>Closes the user's connections of a hub, but the excluded ones; the clients get a close without reconnect.</summary>
    public int CloseUser(string hub, string userId, IReadOnlyCollection<string> excluded) =>
        Close(_connections.Where(c => c.Value.Hub.Equals(hub, StringComparison.Ordinal)
            && string.Equals(c.Value.UserId, userId, StringComparison.Ordinal) && !excluded.Contains(c.Key)).Select(c => c.Key).ToArray());

    /// <summary>Closes one connection of a hub; false when the hub has no such connection.</summary>
    public bool CloseConnection(string hub, string connectionId) =>
        Exists(hub, connectionId) && Close([connectionId]) == 1;

    private int Close(IReadOnlyList<string> connectionIds)
    {
        var closed = 0;
        foreach (var id in connectionIds)
        {
            // Abort sends a close message without allowReconnect, as the service's close does; OnDisconnected removes the entry.
            if (_connections.TryRemove(id, out var c))
            {
                c.Context.Abort();
                closed++;
            }
        }

        return closed;
    }

    private sealed record Entry(string Hub, string? UserId, HubCallerContext Context, ConcurrentDictionary<string, byte> Groups);
}
