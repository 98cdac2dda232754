namespace InfraFunctions.Core.Monitor;

/// <summary>A request (<c>AppRequests</c>) or a dependency call (<c>AppDependencies</c>) within a trace.</summary>
public sealed record TraceSpan(string Id, string? ParentId, string Kind, string Name, string? Target, string? Type, DateTimeOffset Start, double DurationMs, bool Success, string? ResultCode);
