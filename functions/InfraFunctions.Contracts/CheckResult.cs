namespace InfraFunctions.Contracts;

/// <summary>The latest result of a service check the agent runs from the host: a TCP connect or an HTTP(S) request.</summary>
/// <param name="Name">The check's name: as configured, else its target.</param>
/// <param name="Target">What is checked: <c>tcp://host:port</c> or an <c>http(s)://</c> URL.</param>
/// <param name="Up">True when the target answered as expected within the timeout.</param>
/// <param name="CheckedAt">When this result was taken (UTC).</param>
/// <param name="LatencyMs">Time to connect, or to the response's headers, in milliseconds; omitted when nothing answered.</param>
/// <param name="StatusCode">The HTTP status; omitted for TCP checks and when no response came.</param>
/// <param name="CertificateDaysLeft">Days until the TLS certificate expires, for HTTPS; negative once it has expired.</param>
/// <param name="Error">Why the check is down, in words a person can act on; omitted when up.</param>
public sealed record CheckResult(
    string Name,
    string Target,
    bool Up,
    DateTimeOffset CheckedAt,
    double? LatencyMs = null,
    int? StatusCode = null,
    double? CertificateDaysLeft = null,
    string? Error = null);
