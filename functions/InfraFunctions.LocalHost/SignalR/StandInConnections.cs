using System.Collections.Concurrent;

namespace InfraFunctions.LocalHost.SignalR;

/// <summary>The stand-in's live connections, each with its hub and the groups the REST API put it in.</summary>
public sealed class StandInConnections
{
    private readonly ConcurrentDictionary<string, (string Hub, ConcurrentDictionary<string, byte> Groups)> _connections = new(StringComparer.Ordinal);

    /// <summary>ASP.NET Core groups are per server, so the stand-in prefixes them with the hub it serves them for.</summary>
    public static string GroupKey(string hub, string group) => $"{hub}\n{group}";

    public static string HubKey(string hub) => $"{hub}\n";

    public void Add(string connectionId, string hub) => _connections[connectionId] = (hub, new ConcurrentDictionary<string, byte>(StringComparer.Ordinal));

    public void Remove(string connectionId) => _connections.TryRemove(connectionId, out _);

    public bool Exists(string hub, string connectionId) =>
        _connections.TryGetValue(connectionId, out var c) && c.Hub.Equals(hub, StringComparison.Ordinal);

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
}
