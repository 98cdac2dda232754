using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using InfraFunctions.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Forwarder;

namespace InfraFunctions.Benchmarks.Fleet;

/// <summary>
/// A loopback forwarder in front of Azurite's Table endpoint that counts every REST request the function app sends,
/// by kind. Table Storage bills each REST request as one transaction; an entity group transaction is one request,
/// and the entity operations inside it are counted too, for the worst case where each is billed on its own.
/// </summary>
public sealed partial class CountingTableProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, long> _requests = new(StringComparer.Ordinal);
    private long _batchOperations;

    private CountingTableProxy(WebApplication app) => _app = app;

    public int Port { get; private set; }

    public string ConnectionString => AzuriteServer.ConnectionStringFor(Port);

    /// <summary>REST requests by kind since the last <see cref="Reset"/>: batch, query, point-read, write, table.</summary>
    public IReadOnlyDictionary<string, long> Requests => _requests.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);

    public long TotalRequests => _requests.Values.Sum();

    /// <summary>Entity operations inside entity group transactions since the last <see cref="Reset"/>.</summary>
    public long BatchOperations => Interlocked.Read(ref _batchOperations);

    public static async Task<CountingTableProxy> StartAsync(int azuritePort)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddHttpForwarder();
        var app = builder.Build();
        var proxy = new CountingTableProxy(app);
        var target = $"http://127.0.0.1:{azuritePort}";
        var invoker = new HttpMessageInvoker(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
        });
        app.Map("/{**rest}", async (HttpContext context, IHttpForwarder forwarder) =>
        {
            await proxy.CountAsync(context.Request);
            await forwarder.SendAsync(context, target, invoker);
        });
        await app.StartAsync();
        proxy.Port = LoopbackServer.BoundAddresses(app).First().Port;
        return proxy;
    }

    public void Reset()
    {
        _requests.Clear();
        Interlocked.Exchange(ref _batchOperations, 0);
    }

    private async Task CountAsync(HttpRequest request)
    {
        var path = request.Path.Value ?? string.Empty;
        string kind;
        if (path.EndsWith("$batch", StringComparison.Ordinal))
        {
            kind = "batch";
            request.EnableBuffering();
            using var reader = new StreamReader(request.Body, leaveOpen: true);
            var body = await reader.ReadToEndAsync();
            request.Body.Position = 0;
            Interlocked.Add(ref _batchOperations, OperationLine().Count(body));
        }
        else if (path.Contains("/Tables", StringComparison.Ordinal))
        {
            kind = "table";
        }
        else if (HttpMethods.IsGet(request.Method))
        {
            kind = path.Contains("PartitionKey=", StringComparison.Ordinal) ? "point-read" : "query";
        }
        else
        {
            kind = "write";
        }

        _requests.AddOrUpdate(kind, 1, (_, n) => n + 1);
    }

    // One request line per operation inside the multipart changeset.
    [GeneratedRegex(@"^(PUT|POST|MERGE|PATCH|DELETE) https?://", RegexOptions.Multiline)]
    private static partial Regex OperationLine();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
