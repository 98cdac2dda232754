namespace InfraFunctions.Core.Realtime;

/// <summary>
/// One REST send waiting to go out: to a group, or to the whole hub when <see cref="Group"/> is null.
/// <see cref="ExpelFirst"/> are the leases of that group that ended: their connections leave every group before the send.
/// </summary>
public sealed record OutboundMessage(string? Group, string Target, byte[] Argument, IReadOnlyList<ExpiredLease>? ExpelFirst = null);
