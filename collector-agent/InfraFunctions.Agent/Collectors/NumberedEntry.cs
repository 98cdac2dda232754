namespace InfraFunctions.Agent.Collectors;

/// <summary>A sysfs entry named with a number (<c>hwmon3</c>, <c>temp2_input</c>), to be taken in numeric order.</summary>
internal sealed record NumberedEntry(int Index, string Path);
