using InfraFunctions.Core.Tags;

namespace InfraFunctions.Handlers;

/// <summary>
/// Reads <c>?tag=key:value</c>, repeatable, every one required (AND): the filter of the fleet list, alerts and the
/// Prometheus export. No <c>tag</c> is an empty selector, which every host matches.
/// </summary>
public static class TagQuery
{
    /// <summary>The selector, or the field error (under <c>tag</c>) naming the first bad value.</summary>
    public static (IReadOnlyDictionary<string, string> Selector, string[]? Errors) Parse(HttpRequest request)
    {
        var selector = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var text in request.Query["tag"])
        {
            if (TagRules.ParseSelector(text) is not { } tag)
            {
                return (selector, [$"tag '{text}' is not key:value with a valid key and value, such as tag=env:prod. " + (TagRules.KeyProblem(text?.Split(':')[0]) ?? string.Empty)]);
            }

            if (!selector.TryAdd(tag.Key, tag.Value) && selector[tag.Key] != tag.Value)
            {
                return (selector, [$"tag '{tag.Key}' is given twice with different values; a host has one value per key."]);
            }
        }

        return (selector, null);
    }
}
