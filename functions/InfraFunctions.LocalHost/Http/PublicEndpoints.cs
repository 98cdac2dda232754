using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace InfraFunctions.LocalHost.Http;

/// <summary>The public HTTP/1.1 endpoints of <c>LocalHost__Urls</c> (for example <c>http://localhost:7071</c>; <c>;</c> separates several).</summary>
public static class PublicEndpoints
{
    public static void Listen(KestrelServerOptions kestrel, string urls)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var uri = new Uri(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal));
            if (uri.Scheme != Uri.UriSchemeHttp)
            {
                throw new InvalidOperationException($"LocalHost__Urls: '{url}' is not an http:// URL; LocalHost serves plain HTTP for development.");
            }

            void Http1(ListenOptions listen) => listen.Protocols = HttpProtocols.Http1;
            if (uri.IsLoopback && uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
            {
                kestrel.ListenLocalhost(uri.Port, Http1);
            }
            else if (IPAddress.TryParse(uri.Host, out var address))
            {
                kestrel.Listen(address, uri.Port, Http1);
            }
            else
            {
                throw new InvalidOperationException($"LocalHost__Urls: '{url}' must name localhost or an IP address.");
            }
        }
    }
}
