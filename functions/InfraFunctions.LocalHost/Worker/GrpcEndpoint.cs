using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace InfraFunctions.LocalHost.Worker;

/// <summary>
/// The loopback HTTP/2 (plaintext, prior knowledge) endpoint the worker dials. It is separate from the public
/// endpoint because plaintext HTTP/2 and HTTP/1.1 cannot share a port without TLS to negotiate them.
/// </summary>
public sealed class GrpcEndpoint
{
    private ListenOptions? _listen;

    public void Listen(KestrelServerOptions kestrel) =>
        kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Protocols = HttpProtocols.Http2;
            _listen = listen;
        });

    /// <summary>The URI to give the worker as <c>--functions-uri</c>; known once the server has bound its port.</summary>
    public Uri Uri => _listen?.IPEndPoint is { Port: > 0 } endpoint
        ? new Uri($"http://127.0.0.1:{endpoint.Port}/")
        : throw new InvalidOperationException("The gRPC endpoint is not bound yet.");

    public int Port => _listen?.IPEndPoint?.Port ?? 0;
}
