namespace InfraFunctions.Core.Aggregation;

/// <summary>A named time window (<c>window=</c>) ending now, and which endpoints accept it.</summary>
public sealed record TimeWindow(string Name, TimeSpan Span, WindowUse Use);
