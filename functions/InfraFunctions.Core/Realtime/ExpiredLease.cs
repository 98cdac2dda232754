namespace InfraFunctions.Core.Realtime;

/// <summary>A lease row whose time ran out: the connection must leave its groups before the next send to them.</summary>
public sealed record ExpiredLease(string ConnectionId, string Partition);
