using System.Text.Json.Serialization;

namespace InfraFunctions.Core.Storage;

/// <summary>Source-generated JSON for the lists a table row keeps in one string property.</summary>
[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
