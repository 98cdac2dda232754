namespace InfraFunctions.Http;

/// <summary>
/// The one line that installs the agent on a host: <c>Agent__DownloadBaseUrl</c> and <c>Agent__ApiBaseUrl</c> when
/// set, else the origin the caller reached (through a proxy: its <c>X-Forwarded-Proto</c> and <c>X-Forwarded-Host</c>,
/// used only when they make a plain origin, since the line is pasted into a root shell).
/// </summary>
public sealed class InstallCommand(IOptions<AgentOptions> options)
{
    public string WithKey(HttpRequest request, string key) => Line(request, $"--key {key}");

    public string WithEnrollmentToken(HttpRequest request, string token) => Line(request, $"--enroll {token}");

    private string Line(HttpRequest request, string credential)
    {
        var origin = new Lazy<string>(() => Origin(request));
        var download = Base(options.Value.DownloadBaseUrl) ?? origin.Value;
        var api = Base(options.Value.ApiBaseUrl) ?? origin.Value;
        return $"curl -fsSL {download}/agent/install.sh | sudo bash -s -- --endpoint {api} {credential}";
    }

    private static string? Base(string? configured) => string.IsNullOrEmpty(configured) ? null : configured.TrimEnd('/');

    private static string Origin(HttpRequest request)
    {
        var proto = First(request.Headers["X-Forwarded-Proto"]) ?? request.Scheme;
        var host = First(request.Headers["X-Forwarded-Host"]) ?? request.Host.Value;
        return AsOrigin(proto, host) ?? AsOrigin(request.Scheme, request.Host.Value) ?? "http://localhost";
    }

    private static string? AsOrigin(string? proto, string? host) =>
        proto is "http" or "https" && !string.IsNullOrEmpty(host)
            && Uri.TryCreate($"{proto}://{host}", UriKind.Absolute, out var uri)
            && string.Equals(uri.Authority, host, StringComparison.OrdinalIgnoreCase) && uri.AbsolutePath == "/"
            && host.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or ':' or '[' or ']')
            ? $"{proto}://{host}"
            : null;

    private static string? First(Microsoft.Extensions.Primitives.StringValues values) =>
        values.Count == 0 ? null : values[0]?.Split(',')[0].Trim() is { Length: > 0 } first ? first : null;
}
