using InfraFunctions.Core.Tags;

namespace InfraFunctions.Handlers;

/// <summary>
/// <c>GET /api/v1/observability/tags?host=</c> (reader): a host's tags and where each came from; <c>PUT</c> (operator)
/// replaces the operator's tags, which win over the agent's and the enrollment's.
/// </summary>
public sealed class TagsHandler(HostSelector selector, HostTagRepository tags, HostTagCache cache)
{
    private const string Success = "success";
    private static readonly string Expected =
        $"Send {{\"tags\": {{\"env\": \"prod\", \"role\": \"db\"}}}}: at most {TagRules.MaxTags} tags, each key 1-{TagRules.MaxKeyLength} letters, digits, '_', '.' or '-' starting with a letter, each value 1-{TagRules.MaxValueLength} printable characters; {{\"tags\": {{}}}} clears them.";

    public async Task<IActionResult> GetAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        var (host, error) = await selector.SelectAsync(request, cancellationToken);
        return host is null ? error! : Respond(host.HostId, await tags.GetAsync(host.HostId, cancellationToken));
    }

    public async Task<IActionResult> SetAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        var (host, error) = await selector.SelectAsync(request, cancellationToken);
        if (host is null)
        {
            return error!;
        }

        var (body, bodyError) = await RequestBody.ReadJsonAsync(request, ApiJsonContext.Default.TagsRequest, Expected, cancellationToken);
        if (body is null)
        {
            return bodyError!;
        }

        if (body.Tags is null)
        {
            return ApiResults.BadRequest($"The body has no 'tags'. {Expected}", new Dictionary<string, string[]> { ["tags"] = ["Give the operator's tags as an object, or {} to clear them."] });
        }

        var errors = TagRules.Check(body.Tags);
        if (errors.Count > 0)
        {
            return ApiResults.BadRequest("These tags are not valid; see 'errors'. Nothing was changed.", errors);
        }

        await tags.SetAsync(host.HostId, TagSource.Operator, body.Tags, cancellationToken);
        cache.Forget(host.HostId);
        return Respond(host.HostId, await tags.GetAsync(host.HostId, cancellationToken));
    }

    private static IActionResult Respond(string hostId, HostTags stored)
    {
        var effective = stored.Effective;
        var sources = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (source, name) in (ReadOnlySpan<(IReadOnlyDictionary<string, string>, string)>)[(stored.Agent, "agent"), (stored.Enrollment, "enrollment"), (stored.Operator, "operator")])
        {
            // Later sources win, as in HostTags.Effective.
            foreach (var key in source.Keys)
            {
                sources[key] = name;
            }
        }

        return ApiResults.Ok(
            new TagsResponse(Success, hostId, effective, sources, stored.Agent, stored.Enrollment, stored.Operator),
            ApiJsonContext.Default.TagsResponse);
    }
}
