namespace InfraFunctions.Contracts;

/// <summary>One refused sample.</summary>
/// <param name="Index">Its index in the posted <c>samples</c> array.</param>
/// <param name="Errors">What was wrong, one message per field.</param>
public sealed record RejectedSample(int Index, IReadOnlyList<string> Errors);
