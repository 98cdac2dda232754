namespace InfraFunctions.Contracts;

/// <summary>
/// RFC 9457 problem details, with <c>errors</c> for field-level validation: the one error shape of the API and of
/// LocalHost's own answers (its key checks, a worker that is down, the SignalR stand-in).
/// </summary>
public sealed record Problem(
    string Type,
    string Title,
    int Status,
    string Detail,
    IReadOnlyDictionary<string, string[]>? Errors = null,
    IReadOnlyList<string>? KnownHosts = null,
    IReadOnlyList<RejectedSample>? Rejected = null,
    string? InvocationId = null)
{
    /// <summary>The media type every problem is sent with.</summary>
    public const string ContentType = "application/problem+json; charset=utf-8";

    /// <summary>The <c>type</c> URI of a problem with this status.</summary>
    public static string TypeFor(int status) => $"https://httpstatuses.io/{status}";
}
