using System.Text.Json.Serialization;

namespace InfraFunctions.Core.Aggregation;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Dictionary<string, Dictionary<string, MetricRollup>>))]
[JsonSerializable(typeof(RollupParts))]
internal sealed partial class RollupJsonContext : JsonSerializerContext;
