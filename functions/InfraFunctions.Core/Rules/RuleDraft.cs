using System.Text.Json.Serialization;

namespace InfraFunctions.Core.Rules;

/// <summary>
/// A rule as a caller sends it to create, replace or preview one. Every field may be missing here; validation says which
/// are required and fills the defaults. Unknown fields (the reply's <c>id</c>, <c>built_in</c> and <c>updated_*</c>
/// among them) are refused, so a misspelt field is never silently ignored.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record RuleDraft(
    string? Name = null,
    string? Metric = null,
    RuleScopeDraft? Scope = null,
    string? Condition = null,
    double? Warning = null,
    double? Critical = null,
    long? DurationSeconds = null,
    double? ClearMargin = null,
    IReadOnlyList<string>? Channels = null,
    long? RenotifyMinutes = null,
    bool? Enabled = null);
