namespace InfraFunctions.Core.Realtime;

/// <summary>A lease row whose time ran out: the connection must leave its groups before the next send to them.</summary>
public sealed record ExpiredLease(string ConnectionId, string Partition);

/// <summary>Who watches one partition of the <c>streams</c> table right now, and whose watch has ended.</summary>
public sealed record LeaseWatch(bool Watched, IReadOnlyList<ExpiredLease> Expired);
