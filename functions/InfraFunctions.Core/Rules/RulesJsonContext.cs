using System.Text.Json.Serialization;

namespace InfraFunctions.Core.Rules;

/// <summary>Source-generated JSON for the columns of a <c>rules</c> row that hold a list or a map.</summary>
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(SortedDictionary<string, string>))]
internal sealed partial class RulesJsonContext : JsonSerializerContext;
