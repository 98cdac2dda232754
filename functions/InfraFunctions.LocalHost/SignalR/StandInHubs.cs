namespace InfraFunctions.LocalHost.SignalR;

/// <summary>The hubs the stand-in serves: the app's own hub (SignalR__HubName).</summary>
public sealed class StandInHubs(IEnumerable<string> names)
{
    private readonly HashSet<string> _names = new(names, StringComparer.Ordinal);

    public bool IsKnown(string hub) => _names.Contains(hub);

    public override string ToString() => string.Join(", ", _names.Select(n => $"'{n}'"));
}
