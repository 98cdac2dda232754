namespace InfraFunctions.Tests;

/// <summary>What a random edit of a batch changes.</summary>
internal enum EditKind
{
    Number,
    Text,
    Resize,
    Time,
}
