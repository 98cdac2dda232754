using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using InfraFunctions.Contracts;

namespace InfraFunctions.Agent.Collectors.ServiceChecks;

/// <summary>
/// One configured check: a TCP connect, or an HTTP(S) GET that does not follow redirects (a 3xx counts as up unless
/// <c>expect_status</c> says otherwise, and the certificate reported is the target's own). Each run opens a new
/// connection, so the latency and the certificate are what a new client would see. A run ends within the timeout.
/// </summary>
internal sealed class ServiceCheck : IDisposable
{
    private const int BodyLimit = 64 * 1024;
    private readonly CheckOptions options;
    private readonly TimeProvider time;
    private readonly HttpMessageInvoker? http;
    private readonly CertificateCapture? certificate;
    private readonly byte[]? needle;

    public ServiceCheck(CheckOptions options, TimeProvider time)
    {
        this.options = options;
        this.time = time;
        if (options.Kind == CheckKind.Http)
        {
            var handler = new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                UseProxy = false,
                AutomaticDecompression = DecompressionMethods.None,
            };
            if (options.Url!.Scheme == Uri.UriSchemeHttps)
            {
                certificate = new CertificateCapture(options.VerifyTls, time);
                handler.SslOptions.RemoteCertificateValidationCallback = certificate.Validate;
            }

            http = new HttpMessageInvoker(handler);
            needle = options.BodyContains is { } text ? Encoding.UTF8.GetBytes(text) : null;
        }
    }

    public CheckOptions Options => options;

    public async Task<CheckResult> RunAsync(CancellationToken cancellationToken)
    {
        var checkedAt = time.GetUtcNow();
        using var timeout = new CancellationTokenSource(options.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var started = time.GetTimestamp();
        certificate?.Reset();
        try
        {
            return options.Kind == CheckKind.Tcp
                ? await ConnectAsync(checkedAt, started, linked.Token)
                : await RequestAsync(checkedAt, started, linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Down(checkedAt, string.Create(CultureInfo.InvariantCulture, $"timed out after {options.Timeout.TotalSeconds:0.#} s"));
        }
        catch (SocketException e)
        {
            return Down(checkedAt, Describe(e));
        }
        catch (HttpRequestException e)
        {
            return Down(checkedAt, Describe(e));
        }
        catch (IOException e)
        {
            return Down(checkedAt, $"connection failed: {e.Message}");
        }
    }

    public void Dispose() => http?.Dispose();

    private async Task<CheckResult> ConnectAsync(DateTimeOffset checkedAt, long started, CancellationToken cancellationToken)
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(options.Host, options.Port, cancellationToken);
        return new CheckResult(options.Name, options.Target, true, checkedAt, Milliseconds(started));
    }

    private async Task<CheckResult> RequestAsync(DateTimeOffset checkedAt, long started, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, options.Url) { Version = HttpVersion.Version11 };
        request.Headers.ConnectionClose = true;
        request.Headers.TryAddWithoutValidation("User-Agent", "infra-agent service check");
        using var response = await http!.SendAsync(request, cancellationToken);
        var latency = Milliseconds(started);
        var status = (int)response.StatusCode;
        var days = certificate?.DaysLeft();
        string? error = null;
        if (options.ExpectStatus is { } expected ? status != expected : status is < 200 or >= 400)
        {
            error = options.ExpectStatus is { } code
                ? string.Create(CultureInfo.InvariantCulture, $"status {status}, expected {code}")
                : string.Create(CultureInfo.InvariantCulture, $"status {status}, expected 2xx or 3xx");
        }
        else if (needle is not null && !await BodyContainsAsync(response, cancellationToken))
        {
            error = $"body does not contain \"{options.BodyContains}\" (in its first 64 KB)";
        }

        return new CheckResult(options.Name, options.Target, error is null, checkedAt, latency, status, days, error);
    }

    private async Task<bool> BodyContainsAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BodyLimit);
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var length = 0;
            int read;
            while (length < BodyLimit && (read = await stream.ReadAsync(buffer.AsMemory(length, BodyLimit - length), cancellationToken)) > 0)
            {
                length += read;
            }

            return buffer.AsSpan(0, length).IndexOf(needle) >= 0;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private double Milliseconds(long started) => Math.Round(time.GetElapsedTime(started).TotalMilliseconds, 1);

    private CheckResult Down(DateTimeOffset checkedAt, string error) =>
        new(options.Name, options.Target, false, checkedAt, StatusCode: null, CertificateDaysLeft: certificate?.DaysLeft(), Error: error);

    private string Describe(HttpRequestException e)
    {
        if (e.HttpRequestError == HttpRequestError.SecureConnectionError)
        {
            return certificate?.Failure ?? $"TLS handshake failed: {e.InnerException?.Message ?? e.Message}";
        }

        return e.InnerException switch
        {
            SocketException socket => Describe(socket),
            _ when e.HttpRequestError == HttpRequestError.NameResolutionError => $"host not found: {options.Host}",
            _ when e.HttpRequestError == HttpRequestError.ResponseEnded => "the server closed the connection without a response",
            _ => e.Message,
        };
    }

    private string Describe(SocketException e) => e.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => $"host not found: {options.Host}",
        SocketError.HostUnreachable or SocketError.NetworkUnreachable => $"host unreachable: {options.Host}",
        SocketError.ConnectionReset => "connection reset by the server",
        SocketError.TimedOut => "connection timed out",
        _ => e.Message,
    };
}
