using System.Text.Json.Serialization;

namespace InfraFunctions.Core.Monitor;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(LogsQueryBody))]
internal sealed partial class MonitorJsonContext : JsonSerializerContext;
