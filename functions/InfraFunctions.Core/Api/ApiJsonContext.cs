using System.Text.Json.Serialization;
using InfraFunctions.Contracts;

namespace InfraFunctions.Core.Api;

/// <summary>Source-generated JSON for every API response and request: snake_case, timestamps in UTC with Z.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    Converters = [typeof(UtcTimestampConverter)])]
[JsonSerializable(typeof(Problem))]
[JsonSerializable(typeof(IngestReply))]
[JsonSerializable(typeof(SystemResponse))]
[JsonSerializable(typeof(ProcessResponse))]
[JsonSerializable(typeof(PlatformResponse))]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(ReportResponse))]
[JsonSerializable(typeof(SummaryResponse))]
[JsonSerializable(typeof(HostsResponse))]
[JsonSerializable(typeof(CreateAgentRequest))]
[JsonSerializable(typeof(CreateAgentResponse))]
[JsonSerializable(typeof(CreateTokenRequest))]
[JsonSerializable(typeof(CreateTokenResponse))]
[JsonSerializable(typeof(AgentsResponse))]
[JsonSerializable(typeof(TokensResponse))]
[JsonSerializable(typeof(RevokedResponse))]
[JsonSerializable(typeof(AlertsResponse))]
[JsonSerializable(typeof(AlertResponse))]
[JsonSerializable(typeof(Health.ThresholdOverrides))]
[JsonSerializable(typeof(ThresholdsResponse))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(AnomaliesResponse))]
[JsonSerializable(typeof(TracesResponse))]
[JsonSerializable(typeof(MetricsResponse))]
[JsonSerializable(typeof(ComponentsResponse))]
[JsonSerializable(typeof(Realtime.NegotiateResponse))]
[JsonSerializable(typeof(Realtime.StartStreamRequest))]
[JsonSerializable(typeof(Realtime.StopStreamRequest))]
[JsonSerializable(typeof(Realtime.StreamStartedResponse))]
[JsonSerializable(typeof(Realtime.StreamStoppedResponse))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
