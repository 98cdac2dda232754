using System.Text.Json.Serialization;

namespace InfraFunctions.Core.Aggregation;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(Dictionary<string, Dictionary<string, MetricRollup>>))]
internal sealed partial class RollupJsonContext : JsonSerializerContext;
