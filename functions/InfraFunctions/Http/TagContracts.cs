using System.Text.Json.Serialization;

namespace InfraFunctions.Http;

/// <summary>The body of <c>PUT tags</c>: the operator's tags for the host, replacing the ones set before (<c>{}</c> clears them).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record TagsRequest(IReadOnlyDictionary<string, string>? Tags = null);

/// <summary>
/// A host's tags: <c>tags</c> in effect, <c>sources</c> naming where each came from (<c>agent</c>, <c>enrollment</c> or
/// <c>operator</c>, the later winning), and each source's own.
/// </summary>
public sealed record TagsResponse(
    string Status,
    string HostId,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyDictionary<string, string> Sources,
    IReadOnlyDictionary<string, string> Agent,
    IReadOnlyDictionary<string, string> Enrollment,
    IReadOnlyDictionary<string, string> Operator);
