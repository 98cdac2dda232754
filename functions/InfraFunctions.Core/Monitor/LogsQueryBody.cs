namespace InfraFunctions.Core.Monitor;

/// <summary>The documented request body.</summary>
public sealed record LogsQueryBody(string Query, string Timespan);
