using System.Collections.Concurrent;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace InfraFunctions.Testing;

/// <summary>A span an OTLP exporter sent: its name and ids (hex), as in the trace it belongs to.</summary>
public sealed record OtlpSpan(string Name, string TraceId, string SpanId, string ParentSpanId);

/// <summary>
/// A loopback OTLP/HTTP receiver (<c>OTEL_EXPORTER_OTLP_ENDPOINT=</c><see cref="Url"/>, protocol
/// <c>http/protobuf</c>): <c>POST /v1/traces</c> and <c>/v1/metrics</c> with <c>application/x-protobuf</c> bodies,
/// read by walking the protobuf wire format of the OTLP messages (resource → scope → span or metric). It counts bytes
/// per signal and records span and metric names; the answer is the empty export response.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<OtlpSpan> _spans = new();
    private readonly ConcurrentQueue<string> _metrics = new();
    private readonly ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);
    private LoopbackServer _server = null!;

    public Uri Url => _server.BaseAddress;

    public IReadOnlyList<OtlpSpan> Spans => [.. _spans];

    /// <summary>Names of the metrics received, once per export that carried them.</summary>
    public IReadOnlyList<string> MetricNames => [.. _metrics];

    /// <summary>Body bytes per signal (<c>traces</c>, <c>metrics</c>).</summary>
    public IReadOnlyDictionary<string, long> BytesBySignal => new Dictionary<string, long>(_bytes, StringComparer.Ordinal);

    public static async Task<OtlpReceiver> StartAsync()
    {
        var receiver = new OtlpReceiver();
        receiver._server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/v1/traces", context => receiver.ReceiveAsync(context, "traces", receiver.ReadTraces));
            app.MapPost("/v1/metrics", context => receiver.ReceiveAsync(context, "metrics", receiver.ReadMetrics));
        });
        return receiver;
    }

    public void Reset()
    {
        _spans.Clear();
        _metrics.Clear();
        _bytes.Clear();
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private async Task ReceiveAsync(HttpContext context, string signal, Action<byte[]> read)
    {
        if (context.Request.ContentType != "application/x-protobuf")
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        _bytes.AddOrUpdate(signal, body.Length, (_, total) => total + body.Length);
        read(body);
        context.Response.ContentType = "application/x-protobuf";
    }

    // ExportTraceServiceRequest: 1 resource_spans → ResourceSpans: 2 scope_spans → ScopeSpans: 2 spans →
    // Span: 1 trace_id, 2 span_id, 4 parent_span_id, 5 name.
    private void ReadTraces(byte[] body)
    {
        foreach (var resource in Fields(body, 1))
        {
            foreach (var scope in Fields(resource, 2))
            {
                foreach (var span in Fields(scope, 2))
                {
                    string name = "", traceId = "", spanId = "", parent = "";
                    foreach (var (number, value) in All(span))
                    {
                        switch (number)
                        {
                            case 1: traceId = Convert.ToHexStringLower(value); break;
                            case 2: spanId = Convert.ToHexStringLower(value); break;
                            case 4: parent = Convert.ToHexStringLower(value); break;
                            case 5: name = System.Text.Encoding.UTF8.GetString(value); break;
                        }
                    }

                    _spans.Enqueue(new OtlpSpan(name, traceId, spanId, parent));
                }
            }
        }
    }

    // ExportMetricsServiceRequest: 1 resource_metrics → ResourceMetrics: 2 scope_metrics → ScopeMetrics: 2 metrics → Metric: 1 name.
    private void ReadMetrics(byte[] body)
    {
        foreach (var resource in Fields(body, 1))
        {
            foreach (var scope in Fields(resource, 2))
            {
                foreach (var metric in Fields(scope, 2))
                {
                    _metrics.Enqueue(Fields(metric, 1).Select(n => System.Text.Encoding.UTF8.GetString(n)).FirstOrDefault() ?? "");
                }
            }
        }
    }

    private static IEnumerable<byte[]> Fields(byte[] message, int field) =>
        All(message).Where(f => f.Number == field).Select(f => f.Value);

    /// <summary>Every length-delimited field of a message; other wire types are skipped.</summary>
    private static List<(int Number, byte[] Value)> All(byte[] message)
    {
        var fields = new List<(int, byte[])>();
        var input = new CodedInputStream(message);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
            {
                fields.Add((WireFormat.GetTagFieldNumber(tag), input.ReadBytes().ToByteArray()));
            }
            else
            {
                input.SkipLastField();
            }
        }

        return fields;
    }
}
