namespace InfraFunctions.LocalHost.Worker;

/// <summary>One function as the worker indexed it: its id for invocations and its trigger binding.</summary>
public sealed record FunctionInfo(
    string Id,
    string Name,
    string TriggerType,
    string TriggerName,
    string? Route,
    IReadOnlyList<string> Methods,
    string AuthLevel,
    string? Schedule);
