namespace InfraFunctions.Core.Monitor;

/// <summary>
/// A request (<c>AppRequests</c>) or a dependency call (<c>AppDependencies</c>) within a trace. <see cref="Depth"/> is
/// its level in the trace's span tree (0 for a root), and <see cref="OffsetMs"/> its start after the trace's first span.
/// </summary>
public sealed record TraceSpan(
    string Id,
    string? ParentId,
    string Kind,
    string Name,
    string? Target,
    string? Type,
    DateTimeOffset Start,
    double DurationMs,
    bool Success,
    string? ResultCode,
    int Depth = 0,
    double OffsetMs = 0);
