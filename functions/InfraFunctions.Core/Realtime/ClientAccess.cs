namespace InfraFunctions.Core.Realtime;

/// <summary>Where a SignalR client connects, and the token it connects with.</summary>
public sealed record ClientAccess(string Url, string AccessToken);
