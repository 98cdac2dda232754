namespace InfraFunctions.Core.Tags;

/// <summary>Where a host's tags came from; each is stored in its own column of the host's row in <c>tags</c>.</summary>
public enum TagSource
{
    Agent,
    Enrollment,
    Operator,
}
