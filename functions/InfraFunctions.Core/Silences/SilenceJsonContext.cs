using System.Text.Json.Serialization;

namespace InfraFunctions.Core.Silences;

/// <summary>Source-generated JSON for the tag selector a <c>silences</c> row keeps in its <c>tags</c> column.</summary>
[JsonSerializable(typeof(SortedDictionary<string, string>))]
internal sealed partial class SilenceJsonContext : JsonSerializerContext;
