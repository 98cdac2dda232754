namespace InfraFunctions.Agent.Collectors;

/// <summary>A hwmon chip with temperature inputs: its name and the directory that holds its attributes.</summary>
internal sealed record HwmonChip(string Name, string Directory, List<NumberedEntry> Inputs);
