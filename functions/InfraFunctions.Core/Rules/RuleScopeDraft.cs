using System.Text.Json.Serialization;

namespace InfraFunctions.Core.Rules;

/// <summary>The <c>scope</c> of a <see cref="RuleDraft"/>: one host, a tag selector, or neither for every host.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record RuleScopeDraft(string? Host = null, IReadOnlyDictionary<string, string>? Tags = null);
