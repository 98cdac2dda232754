using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace InfraFunctions.LocalHost.Http;

/// <summary>
/// Kestrel answers an over-long request line (414) or too many or too large headers (431) itself, before any
/// middleware, with an empty body, and offers no hook to change that reply. So Kestrel's own limits are raised to a
/// ceiling, and the usual limits (Kestrel's defaults) are enforced here, where the refusal can be problem+json like
/// every other error. Past the ceiling Kestrel still answers by itself. The header limits sit a little below
/// Kestrel's defaults (100 headers, 32 KiB), which the worker's own server keeps: the forwarder adds a few headers.
/// </summary>
public static class RequestLimits
{
    public const int MaxRequestLineBytes = 8 * 1024;
    public const int MaxHeaderBytes = 30 * 1024;
    public const int MaxHeaderCount = 90;

    /// <summary>What Kestrel itself allows: 1 MiB of request line or headers (its default request buffer), and 1,000 headers.</summary>
    public const int KestrelCeilingBytes = 1024 * 1024;

    public static void Raise(KestrelServerOptions kestrel)
    {
        kestrel.Limits.MaxRequestBufferSize = KestrelCeilingBytes;
        kestrel.Limits.MaxRequestLineSize = KestrelCeilingBytes;
        kestrel.Limits.MaxRequestHeadersTotalSize = KestrelCeilingBytes;
        kestrel.Limits.MaxRequestHeaderCount = 1000;
    }

    public static async Task EnforceAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? $"{request.PathBase}{request.Path}{request.QueryString}";

        // The request line as sent: method, target and protocol, separated by spaces and ended by CRLF.
        var lineBytes = request.Method.Length + 1 + target.Length + 1 + request.Protocol.Length + 2;
        if (lineBytes > MaxRequestLineBytes)
        {
            await Problems.WriteAsync(context, StatusCodes.Status414UriTooLong, "URI too long",
                $"The request line is {lineBytes} bytes; the limit is {MaxRequestLineBytes}. Send long values in the body, or fewer query parameters.");
            return;
        }

        var count = 0;
        long headerBytes = 0;
        foreach (var (name, values) in request.Headers)
        {
            foreach (var value in values)
            {
                count++;
                headerBytes += name.Length + 2 + (value?.Length ?? 0) + 2; // "name: value\r\n"
            }
        }

        if (count > MaxHeaderCount || headerBytes > MaxHeaderBytes)
        {
            await Problems.WriteAsync(context, StatusCodes.Status431RequestHeaderFieldsTooLarge, "Request headers too large",
                $"The request has {count} headers of {headerBytes} bytes; the limits are {MaxHeaderCount} headers and {MaxHeaderBytes} bytes. Send fewer or shorter headers (cookies, tokens).");
            return;
        }

        await next(context);
    }
}
