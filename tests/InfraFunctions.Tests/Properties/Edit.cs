namespace InfraFunctions.Tests;

/// <summary>One random change to a batch: a raw number, a string, a list resized, or a timestamp spelling, at a path.</summary>
internal sealed record Edit(EditKind Kind, string Path, string Value);
