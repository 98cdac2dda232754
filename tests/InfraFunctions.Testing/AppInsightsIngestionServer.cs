using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace InfraFunctions.Testing;

/// <summary>
/// A loopback stand-in for the Application Insights ingestion endpoint, for
/// <c>IngestionEndpoint=</c><see cref="Url"/> in a connection string (see <see cref="ConnectionString"/>). It takes
/// what the Azure Monitor exporter posts, <c>POST /v2.1/track</c> with a body of JSON envelopes, one a line or as one
/// array, gzip-compressed or not, records every envelope and request, and answers as the service does:
/// <c>{"itemsReceived":n,"itemsAccepted":n,"errors":[]}</c>. A body that is not envelopes gets 400. Over TLS with
/// a certificate of its own when asked (see <see cref="AppSettings"/>).
/// </summary>
public sealed class AppInsightsIngestionServer : IAsyncDisposable
{
    public const string TrackPath = "/v2.1/track";

    private readonly ConcurrentQueue<TelemetryItem> _items = new();
    private readonly ConcurrentQueue<TrackRequest> _requests = new();
    private LoopbackServer _server = null!;
    private LoopbackCertificate? _certificate;

    /// <summary>The instrumentation key of <see cref="ConnectionString"/>.</summary>
    public string InstrumentationKey { get; } = Guid.NewGuid().ToString();

    /// <summary>The ingestion endpoint, with a trailing slash, as a connection string names it.</summary>
    public Uri Url => _server.BaseAddress;

    public string ConnectionString => $"InstrumentationKey={InstrumentationKey};IngestionEndpoint={Url}";

    /// <summary>Every envelope received since the start or the last <see cref="Reset"/>, in arrival order.</summary>
    public IReadOnlyList<TelemetryItem> Items => [.. _items];

    /// <summary>Every track request received since the start or the last <see cref="Reset"/>.</summary>
    public IReadOnlyList<TrackRequest> Requests => [.. _requests];

    /// <summary>Items per <c>data.baseType</c>.</summary>
    public IReadOnlyDictionary<string, long> ItemCountByType =>
        Items.GroupBy(i => i.BaseType, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);

    /// <summary>Uncompressed bytes per <c>data.baseType</c>.</summary>
    public IReadOnlyDictionary<string, long> BytesByType =>
        Items.GroupBy(i => i.BaseType, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(i => (long)i.Bytes), StringComparer.Ordinal);

    /// <summary>Bytes on the wire (compressed when the exporter compressed) of all track requests.</summary>
    public long WireBytes => Requests.Sum(r => r.BodyBytes);

    /// <summary>The connection string, and with TLS the trust file, for a worker in another process.</summary>
    public IReadOnlyDictionary<string, string?> AppSettings => _certificate is null
        ? new Dictionary<string, string?> { ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = ConnectionString }
        : new Dictionary<string, string?> { ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = ConnectionString, ["SSL_CERT_FILE"] = _certificate.TrustFile };

    /// <summary>Starts on a free port; over TLS when <paramref name="tls"/>, as it must be for Entra ID
    /// authentication (Azure.Core sends bearer tokens only over https).</summary>
    public static async Task<AppInsightsIngestionServer> StartAsync(bool tls = false)
    {
        var server = new AppInsightsIngestionServer { _certificate = tls ? LoopbackCertificate.Create() : null };
        server._server = await LoopbackServer.StartAsync(app => app.MapPost(TrackPath, (Delegate)server.TrackAsync), certificate: server._certificate?.Certificate);
        return server;
    }

    /// <summary>Forgets what was received, for counting what one step sends.</summary>
    public void Reset()
    {
        _items.Clear();
        _requests.Clear();
    }

    /// <summary>Polls until the items received satisfy <paramref name="done"/>; throws with what did arrive at the deadline.</summary>
    public async Task<IReadOnlyList<TelemetryItem>> WaitForAsync(Func<IReadOnlyList<TelemetryItem>, bool> done, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var items = Items;
            if (done(items))
            {
                return items;
            }

            if (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"Application Insights items did not arrive within {timeout}; received: "
                    + string.Join(", ", items.Select(i => $"{i.BaseType} {i.ItemName}")));
            }

            await Task.Delay(100, CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _certificate?.Dispose();
    }

    private async Task<IResult> TrackAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var encoding = context.Request.Headers.ContentEncoding.ToString();
        var gzip = encoding.Contains("gzip", StringComparison.OrdinalIgnoreCase) || body is [0x1f, 0x8b, ..];
        var text = gzip ? Gunzip(body) : body;
        List<(JsonObject Envelope, int Bytes)> envelopes;
        try
        {
            envelopes = Envelopes(Encoding.UTF8.GetString(text));
        }
        catch (JsonException ex)
        {
            return Json(new JsonObject { ["error"] = $"the body is not JSON envelopes: {ex.Message}" }, StatusCodes.Status400BadRequest);
        }

        foreach (var (envelope, bytes) in envelopes)
        {
            _items.Enqueue(Item(envelope, bytes));
        }

        _requests.Enqueue(new TrackRequest(context.Request.Path, context.Request.ContentType, encoding.Length == 0 ? null : encoding,
            context.Request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null, body.Length, text.Length, envelopes.Count));
        return Json(new JsonObject { ["itemsReceived"] = envelopes.Count, ["itemsAccepted"] = envelopes.Count, ["errors"] = new JsonArray() });
    }

    private static IResult Json(JsonObject body, int status = StatusCodes.Status200OK) =>
        Results.Content(body.ToJsonString(), "application/json", Encoding.UTF8, status);

    private static byte[] Gunzip(byte[] body)
    {
        using var gzip = new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>Newline-delimited envelopes, or one JSON array of them; each with its size as sent.</summary>
    private static List<(JsonObject, int)> Envelopes(string text)
    {
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('['))
        {
            return JsonNode.Parse(trimmed)!.AsArray().Select(e => (e!.AsObject(), Encoding.UTF8.GetByteCount(e.ToJsonString()))).ToList();
        }

        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => (JsonNode.Parse(line)?.AsObject() ?? throw new JsonException("an envelope is null"), Encoding.UTF8.GetByteCount(line)))
            .ToList();
    }

    private static TelemetryItem Item(JsonObject envelope, int bytes)
    {
        var data = envelope["data"] as JsonObject;
        var baseData = data?["baseData"] as JsonObject;
        var tags = envelope["tags"] as JsonObject;
        var properties = (baseData?["properties"] as JsonObject)?.ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "", StringComparer.Ordinal)
            ?? new Dictionary<string, string>(StringComparer.Ordinal);
        var metrics = (baseData?["metrics"] as JsonArray)?.OfType<JsonObject>()
            .Select(m => new TelemetryMetric(Text(m, "name") ?? "", m["value"]?.GetValue<double>() ?? 0, m["count"]?.GetValue<long>()))
            .ToArray() ?? [];
        return new TelemetryItem(
            Text(envelope, "name") ?? "",
            Text(envelope, "iKey"),
            Text(data, "baseType") ?? "",
            Text(baseData, "name") ?? Text(baseData, "message"),
            Text(baseData, "id"),
            Text(tags, "ai.operation.id"),
            Text(tags, "ai.operation.parentId"),
            properties,
            metrics,
            bytes,
            envelope);
    }

    private static string? Text(JsonObject? node, string name) => node?[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
