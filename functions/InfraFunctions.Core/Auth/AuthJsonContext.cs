using System.Text.Json.Serialization;

namespace InfraFunctions.Core.Auth;

/// <summary>Source-generated JSON for the tag maps an enrollment token's row keeps.</summary>
[JsonSerializable(typeof(SortedDictionary<string, string>))]
internal sealed partial class AuthJsonContext : JsonSerializerContext;
