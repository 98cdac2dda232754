namespace InfraFunctions.Core.Tags;

/// <summary>
/// A tag is <c>key=value</c>, as <see cref="TagSyntax"/> (shared with the agent) says; this adds the field-level errors
/// of a request and the <c>key:value</c> form of a filter.
/// </summary>
public static class TagRules
{
    public const int MaxKeyLength = TagSyntax.MaxKeyLength;
    public const int MaxValueLength = TagSyntax.MaxValueLength;
    public const int MaxTags = TagSyntax.MaxTags;

    /// <summary>Field-level errors for <paramref name="tags"/>, under <paramref name="field"/> (for example <c>tags.env</c>); empty when they are fine.</summary>
    public static Dictionary<string, string[]> Check(IReadOnlyDictionary<string, string>? tags, string field = "tags")
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (tags is null)
        {
            return errors;
        }

        foreach (var (key, problem) in TagSyntax.Problems(tags))
        {
            errors[key is null ? field : $"{field}.{key}"] = [problem];
        }

        return errors;
    }

    public static string? KeyProblem(string? key) => TagSyntax.KeyProblem(key);

    public static string? ValueProblem(string? value) => TagSyntax.ValueProblem(value);

    /// <summary>Reads <c>key:value</c> (the form of a <c>?tag=</c> filter); null when it is not a valid tag.</summary>
    public static KeyValuePair<string, string>? ParseSelector(string? text)
    {
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (colon <= 0)
        {
            return null;
        }

        var (key, value) = (text![..colon], text[(colon + 1)..]);
        return KeyProblem(key) is null && ValueProblem(value) is null ? new(key, value) : null;
    }
}
