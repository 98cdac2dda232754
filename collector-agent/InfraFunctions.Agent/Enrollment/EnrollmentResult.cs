using System.Net;

namespace InfraFunctions.Agent.Enrollment;

/// <summary>
/// The answer to one enrollment request: the key on success; otherwise the status (none on a network error),
/// what went wrong as a person should read it, and the server's Retry-After.
/// </summary>
internal sealed record EnrollmentResult(HttpStatusCode? Status, string? Key, string? AgentId, string? Error, TimeSpan? RetryAfter)
{
    /// <summary>Worth trying again later: a network error, a timeout, throttling or a server error, not a refusal.</summary>
    public bool Transient => Key is null && Status is null or HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout or >= HttpStatusCode.InternalServerError;
}
