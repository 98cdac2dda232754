using System.Text.Json.Serialization;

namespace InfraFunctions.Core.Tags;

/// <summary>Source-generated JSON for the tag maps a <c>tags</c> row keeps in its columns.</summary>
[JsonSerializable(typeof(SortedDictionary<string, string>))]
internal sealed partial class TagsJsonContext : JsonSerializerContext;
