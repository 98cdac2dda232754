namespace InfraFunctions.Core.Monitor;

/// <summary>One operation: its root request, total duration from the first span's start to the last span's end, and all spans.</summary>
public sealed record Trace(string OperationId, string Operation, DateTimeOffset Start, double DurationMs, bool Success, string? ResultCode, int SpanCount, IReadOnlyList<TraceSpan> Spans);
