using System.Text.Json.Serialization;

namespace InfraFunctions.Http;

/// <summary>Source-generated JSON for every API response and request: snake_case, timestamps in UTC with Z.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    Converters = [typeof(UtcTimestampConverter)])]
[JsonSerializable(typeof(IngestReply))]
[JsonSerializable(typeof(SystemResponse))]
[JsonSerializable(typeof(ProcessResponse))]
[JsonSerializable(typeof(PlatformResponse))]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(ReportResponse))]
[JsonSerializable(typeof(SummaryResponse))]
[JsonSerializable(typeof(CustomSeriesResponse))]
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
[JsonSerializable(typeof(Core.Health.ThresholdOverrides))]
[JsonSerializable(typeof(ThresholdsResponse))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(AnomaliesResponse))]
[JsonSerializable(typeof(TracesResponse))]
[JsonSerializable(typeof(MetricsResponse))]
[JsonSerializable(typeof(ComponentsResponse))]
[JsonSerializable(typeof(NegotiateResponse))]
[JsonSerializable(typeof(StartStreamRequest))]
[JsonSerializable(typeof(StopStreamRequest))]
[JsonSerializable(typeof(StreamStartedResponse))]
[JsonSerializable(typeof(StreamStoppedResponse))]
// Agent keys for operators, enrollment tokens, enrollment and identity.
[JsonSerializable(typeof(IssueAgentKeyRequest))]
[JsonSerializable(typeof(IssueAgentKeyResponse))]
[JsonSerializable(typeof(RotateAgentKeyRequest))]
[JsonSerializable(typeof(RotateAgentKeyResponse))]
[JsonSerializable(typeof(AgentKeysResponse))]
[JsonSerializable(typeof(CreateEnrollmentTokenRequest))]
[JsonSerializable(typeof(EnrollmentTokenView))]
[JsonSerializable(typeof(EnrollmentTokensResponse))]
[JsonSerializable(typeof(EnrollRequest))]
[JsonSerializable(typeof(EnrollResponse))]
[JsonSerializable(typeof(AgentIdentityResponse))]
[JsonSerializable(typeof(CallerIdentityResponse))]
// Agent settings an operator chooses, and what hosts report running with.
[JsonSerializable(typeof(AgentSettingsRequest))]
[JsonSerializable(typeof(AgentSettingsScopeView))]
[JsonSerializable(typeof(AgentSettingsListResponse))]
[JsonSerializable(typeof(HostAgentSettingsResponse))]
// Alert rules, the metrics they can watch, and previews.
[JsonSerializable(typeof(Core.Rules.RuleDraft))]
[JsonSerializable(typeof(RulesResponse))]
[JsonSerializable(typeof(RuleResponse))]
[JsonSerializable(typeof(RuleDeletedResponse))]
[JsonSerializable(typeof(RuleMetricsResponse))]
[JsonSerializable(typeof(RulePreviewResponse))]
// Silences and maintenance windows.
[JsonSerializable(typeof(CreateSilenceRequest))]
[JsonSerializable(typeof(SilencesResponse))]
[JsonSerializable(typeof(SilenceResponse))]
[JsonSerializable(typeof(SilenceDeletedResponse))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
