namespace InfraFunctions.Core.Aggregation;

/// <summary>The custom series and temperatures of a rollup row, as one JSON document compressed into its <c>parts</c> properties.</summary>
public sealed record RollupParts(IReadOnlyList<CustomRollup>? Custom, IReadOnlyDictionary<string, SeriesStats>? Temperatures, int CustomCut = 0);
