using InfraFunctions.Contracts;

namespace InfraFunctions.Agent.Parsing;

/// <summary>One series of a <c>.prom</c> file and its identity (name and sorted labels), to find the same series in another file.</summary>
internal sealed record ParsedSeries(CustomMetric Metric, string Key);
