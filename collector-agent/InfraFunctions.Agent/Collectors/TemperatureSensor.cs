namespace InfraFunctions.Agent.Collectors;

/// <summary>A temperature input found by discovery, its path ready for the reader; its limits are read at discovery.</summary>
internal sealed record TemperatureSensor(string Name, byte[] InputPath, double? CriticalCelsius, double? MaxCelsius);
