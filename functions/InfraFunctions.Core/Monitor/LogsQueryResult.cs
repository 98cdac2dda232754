namespace InfraFunctions.Core.Monitor;

/// <summary>A query answer; <see cref="PartialError"/> is set when the service returned only part of the data (200 with error.code PartialError).</summary>
public sealed record LogsQueryResult(IReadOnlyList<LogsTable> Tables, string? PartialError);
