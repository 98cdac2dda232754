namespace InfraFunctions.Agent;

/// <summary>One configured service check.</summary>
/// <param name="Name">As configured, else the target.</param>
/// <param name="Target"><c>tcp://host:port</c> or an <c>http(s)://</c> URL, as configured.</param>
/// <param name="Kind">TCP connect or HTTP(S) request.</param>
/// <param name="Host">The host to connect to.</param>
/// <param name="Port">The port to connect to.</param>
/// <param name="Url">The URL requested, for HTTP(S) checks.</param>
/// <param name="Interval">How often the check runs.</param>
/// <param name="Timeout">How long one run may take; less than <paramref name="Interval"/>.</param>
/// <param name="ExpectStatus">The HTTP status that counts as up; any 2xx or 3xx when null.</param>
/// <param name="BodyContains">Text the first 64 KB of the response body must contain.</param>
/// <param name="VerifyTls">Whether an untrusted or expired certificate makes the check down.</param>
internal sealed record CheckOptions(
    string Name,
    string Target,
    CheckKind Kind,
    string Host,
    int Port,
    Uri? Url,
    TimeSpan Interval,
    TimeSpan Timeout,
    int? ExpectStatus = null,
    string? BodyContains = null,
    bool VerifyTls = true)
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);
}
