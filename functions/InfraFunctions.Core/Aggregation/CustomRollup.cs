namespace InfraFunctions.Core.Aggregation;

/// <summary>One custom series over one bucket, with what identifies it.</summary>
public sealed record CustomRollup(string Name, IReadOnlyDictionary<string, string>? Labels, string? Type, SeriesStats Stats);
