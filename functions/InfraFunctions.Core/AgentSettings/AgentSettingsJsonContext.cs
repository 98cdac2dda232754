using System.Text.Json.Serialization;

namespace InfraFunctions.Core.AgentSettings;

/// <summary>Source-generated JSON for the settings lists table rows keep in one property, in the wire's snake_case.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(IReadOnlyList<SettingInForce>))]
[JsonSerializable(typeof(Contracts.AgentSettings))]
internal sealed partial class AgentSettingsJsonContext : JsonSerializerContext;
