using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Azure.Core.Pipeline;
using InfraFunctions.Core.Monitor;
using InfraFunctions.Core.Options;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace InfraFunctions.Testing;

/// <summary>A request the loopback Monitor API received.</summary>
public sealed record MonitorRequest(string Method, string Path, string Query, string? Authorization, string Body);

/// <summary>A scripted answer: status, JSON body, and headers such as Retry-After.</summary>
public sealed record MonitorAnswer(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null);

/// <summary>
/// A real Kestrel listener on loopback, over TLS with a certificate made for the test (Azure.Core sends bearer tokens
/// only over https), standing in for api.loganalytics.azure.com and management.azure.com: it records
/// every request and answers from a script (then a default), with the documented response shapes supplied by the test.
/// The certificate is also written as a PEM trust file, so another process can trust it through <c>SSL_CERT_FILE</c>.
/// </summary>
public sealed class MonitorApiServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<MonitorAnswer>> _routes = new(StringComparer.Ordinal);
    private LoopbackServer _server = null!;

    private readonly LoopbackCertificate _tls;

    private MonitorApiServer(LoopbackCertificate tls) => _tls = tls;

    public X509Certificate2 Certificate => _tls.Certificate;

    /// <summary>The certificate alone, PEM encoded: a trust anchor for OpenSSL and for .NET on Linux.</summary>
    public string TrustFile => _tls.TrustFile;

    public Uri BaseAddress => _server.BaseAddress;

    public ConcurrentQueue<MonitorRequest> Requests { get; } = new();

    public ConcurrentQueue<MonitorAnswer> Script { get; } = new();

    public MonitorAnswer Default { get; set; } = new(200, "{\"tables\":[]}");

    /// <summary>
    /// Answers for requests whose path ends with <paramref name="pathSuffix"/> (<c>/query</c>, <c>/metrics</c>), taken
    /// before <see cref="Script"/>: for an endpoint that calls both APIs at once, in no fixed order.
    /// </summary>
    public ConcurrentQueue<MonitorAnswer> ScriptFor(string pathSuffix) => _routes.GetOrAdd(pathSuffix, _ => new());

    public static async Task<MonitorApiServer> StartAsync()
    {
        var server = new MonitorApiServer(LoopbackCertificate.Create());
        server._server = await LoopbackServer.StartAsync(app => app.Run(server.HandleAsync), certificate: server.Certificate);
        return server;
    }

    /// <summary>Client options whose transport trusts exactly this server's certificate; no retries unless asked.</summary>
    public MonitorClientOptions ClientOptions(int maxRetries = 0)
    {
        var options = new MonitorClientOptions();
        options.Retry.MaxRetries = maxRetries;
        options.Retry.Delay = TimeSpan.FromMilliseconds(50);
        var thumbprint = Certificate.Thumbprint;
        options.Transport = new HttpClientTransport(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert?.Thumbprint == thumbprint,
        });
        return options;
    }

    /// <summary>Monitor options that send both APIs here, with the public cloud's token audiences.</summary>
    public MonitorOptions Options() => new()
    {
        LogAnalyticsEndpoint = BaseAddress.ToString(),
        ResourceManagerEndpoint = BaseAddress.ToString(),
        LogAnalyticsAudience = "https://api.loganalytics.io",
        ResourceManagerAudience = "https://management.azure.com",
    };

    public MonitorClients Clients(StaticTokenCredential credential, int maxRetries = 0) =>
        new(credential, MonitorEndpoints.From(Options()), ClientOptions(maxRetries));

    /// <summary>
    /// The app settings of <see cref="Options"/> for a function app in another process, which trusts this server's
    /// certificate through <c>SSL_CERT_FILE</c> (.NET on Linux reads its root store from there and from SSL_CERT_DIR).
    /// </summary>
    public IReadOnlyDictionary<string, string?> AppSettings()
    {
        var options = Options();
        return new Dictionary<string, string?>
        {
            [$"{MonitorOptions.SectionName}:{nameof(MonitorOptions.LogAnalyticsEndpoint)}"] = options.LogAnalyticsEndpoint,
            [$"{MonitorOptions.SectionName}:{nameof(MonitorOptions.ResourceManagerEndpoint)}"] = options.ResourceManagerEndpoint,
            [$"{MonitorOptions.SectionName}:{nameof(MonitorOptions.LogAnalyticsAudience)}"] = options.LogAnalyticsAudience,
            [$"{MonitorOptions.SectionName}:{nameof(MonitorOptions.ResourceManagerAudience)}"] = options.ResourceManagerAudience,
            ["SSL_CERT_FILE"] = TrustFile,
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _tls.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        Requests.Enqueue(new MonitorRequest(context.Request.Method, context.Request.Path.Value ?? string.Empty, context.Request.QueryString.Value ?? string.Empty, context.Request.Headers.Authorization.ToString(), body));
        var path = context.Request.Path.Value ?? string.Empty;
        MonitorAnswer? routed = null;
        foreach (var (suffix, queue) in _routes)
        {
            if (path.EndsWith(suffix, StringComparison.Ordinal) && queue.TryDequeue(out routed))
            {
                break;
            }
        }

        var answer = routed ?? (Script.TryDequeue(out var scripted) ? scripted : Default);
        context.Response.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(answer.Body);
    }
}
