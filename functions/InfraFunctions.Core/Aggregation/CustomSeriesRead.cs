namespace InfraFunctions.Core.Aggregation;

/// <summary>A host's custom series over a window: every name with its series count, and the chosen series' points.</summary>
public sealed record CustomSeriesRead(string Resolution, IReadOnlyList<CustomName> Names, IReadOnlyList<CustomSeries> Series, bool Truncated);

/// <summary>A custom metric name the host reported, its type (untyped when none was given) and how many series it had.</summary>
public sealed record CustomName(string Name, string Type, int Series);

/// <summary>One custom series and its points in time order.</summary>
public sealed record CustomSeries(string Name, IReadOnlyDictionary<string, string> Labels, string Type, IReadOnlyList<CustomPoint> Points);

/// <summary>A sample's value (<c>value</c> = <c>min</c> = <c>max</c>), or the average, lowest and highest of a bucket or run of them.</summary>
public sealed record CustomPoint(DateTimeOffset Timestamp, double Value, double Min, double Max);
