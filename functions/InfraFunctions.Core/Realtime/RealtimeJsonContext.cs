using System.Text.Json.Serialization;

namespace InfraFunctions.Core.Realtime;

/// <summary>Source-generated JSON for live messages: snake_case and Z timestamps, as the HTTP API.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(UtcTimestampConverter)])]
[JsonSerializable(typeof(HostMetricsMessage))]
[JsonSerializable(typeof(FleetMetricsMessage))]
[JsonSerializable(typeof(Alerts.AlertEvent))]
[JsonSerializable(typeof(string[]))]
public sealed partial class RealtimeJsonContext : JsonSerializerContext;
