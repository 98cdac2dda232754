using System.Text.Json;
using System.Text.Json.Serialization;

namespace InfraFunctions.Contracts;

/// <summary>Source-generated JSON for the wire contract: snake_case and nulls omitted, the shape every endpoint and the agent use.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true,
    Converters = [typeof(UtcTimestampConverter)])]
[JsonSerializable(typeof(SampleBatch))]
[JsonSerializable(typeof(Sample))]
[JsonSerializable(typeof(PlatformInfo))]
[JsonSerializable(typeof(IngestReply))]
[JsonSerializable(typeof(IngestEnvelope))]
[JsonSerializable(typeof(Problem))]
[JsonSerializable(typeof(AgentSettings))]
[JsonSerializable(typeof(SettingInForce))]
public sealed partial class ContractsJsonContext : JsonSerializerContext;
