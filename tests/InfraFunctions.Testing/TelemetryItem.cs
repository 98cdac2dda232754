using System.Text.Json.Nodes;

namespace InfraFunctions.Testing;

/// <summary>A metric of a <c>MetricData</c> item: its name, value and, for aggregates, the count.</summary>
public sealed record TelemetryMetric(string Name, double Value, long? Count);

/// <summary>
/// One Application Insights envelope as the ingestion endpoint received it: <c>name</c> (such as
/// <c>Request</c>), <c>iKey</c>, <c>data.baseType</c> (<c>RequestData</c>, <c>RemoteDependencyData</c>,
/// <c>MessageData</c>, <c>ExceptionData</c>, <c>MetricData</c>), the item's own name (<c>baseData.name</c>, or the
/// message text), the operation id and parent id tags, its custom properties, its metrics, and its size in bytes as
/// sent, uncompressed.
/// </summary>
public sealed record TelemetryItem(
    string Name,
    string? InstrumentationKey,
    string BaseType,
    string? ItemName,
    string? Id,
    string? OperationId,
    string? ParentId,
    IReadOnlyDictionary<string, string> Properties,
    IReadOnlyList<TelemetryMetric> Metrics,
    int Bytes,
    JsonObject Envelope);

/// <summary>One <c>POST /v2.1/track</c>: its headers of interest, sizes, and how many items it carried.</summary>
public sealed record TrackRequest(string Path, string? ContentType, string? ContentEncoding, string? Authorization, long BodyBytes, long UncompressedBytes, int Items);
