namespace InfraFunctions.Http;

/// <summary>RFC 9457 problem details, with <c>errors</c> for field-level validation.</summary>
public sealed record Problem(
    string Type,
    string Title,
    int Status,
    string Detail,
    IReadOnlyDictionary<string, string[]>? Errors = null,
    IReadOnlyList<string>? KnownHosts = null,
    IReadOnlyList<Contracts.RejectedSample>? Rejected = null);
