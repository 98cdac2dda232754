namespace InfraFunctions.Agent.Collectors;

/// <summary>A <c>*.prom</c> file as the directory listing shows it.</summary>
internal sealed record PromFileEntry(string Name, long Size, DateTime Modified);
