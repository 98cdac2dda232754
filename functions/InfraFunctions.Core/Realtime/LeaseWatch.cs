namespace InfraFunctions.Core.Realtime;

/// <summary>Who watches one partition of the <c>streams</c> table right now, and whose watch has ended.</summary>
public sealed record LeaseWatch(bool Watched, IReadOnlyList<ExpiredLease> Expired);
