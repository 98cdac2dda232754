using InfraFunctions.Agent.Parsing;

namespace InfraFunctions.Agent.Collectors;

/// <summary>A <c>.prom</c> file as last read: its size and modification time tell whether it must be read again.</summary>
/// <param name="Unreadable">It could not be read; it is tried again every sample until it can.</param>
internal sealed record PromFileState(long Size, DateTime Modified, PrometheusParseResult Result, bool Unreadable = false);
