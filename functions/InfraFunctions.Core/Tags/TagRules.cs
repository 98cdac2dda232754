namespace InfraFunctions.Core.Tags;

/// <summary>
/// A tag is <c>key=value</c>. Keys are 1-64 characters of <c>[A-Za-z0-9_.-]</c> starting with a letter, so they can
/// be Prometheus labels after one substitution; values are 1-128 printable characters. A host has at most 32 tags.
/// </summary>
public static class TagRules
{
    public const int MaxKeyLength = 64;
    public const int MaxValueLength = 128;
    public const int MaxTags = 32;

    /// <summary>Field-level errors for <paramref name="tags"/>, under <paramref name="field"/> (for example <c>tags.env</c>); empty when they are fine.</summary>
    public static Dictionary<string, string[]> Check(IReadOnlyDictionary<string, string>? tags, string field = "tags")
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (tags is null)
        {
            return errors;
        }

        if (tags.Count > MaxTags)
        {
            errors[field] = [$"{tags.Count} tags; a host may have at most {MaxTags}."];
        }

        foreach (var (key, value) in tags)
        {
            if (KeyProblem(key) is { } keyProblem)
            {
                errors[$"{field}.{key}"] = [keyProblem];
            }
            else if (ValueProblem(value) is { } valueProblem)
            {
                errors[$"{field}.{key}"] = [valueProblem];
            }
        }

        return errors;
    }

    public static string? KeyProblem(string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > MaxKeyLength)
        {
            return $"A tag key is 1-{MaxKeyLength} characters; '{key}' is {key?.Length ?? 0}.";
        }

        return char.IsAsciiLetter(key[0]) && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-')
            ? null
            : $"Tag key '{key}' must start with a letter and use only letters, digits, '_', '.' and '-'.";
    }

    public static string? ValueProblem(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxValueLength)
        {
            return $"A tag value is 1-{MaxValueLength} characters; this one is {value?.Length ?? 0}.";
        }

        if (value.Any(char.IsControl))
        {
            return "A tag value may not contain control characters.";
        }

        return Validation.TextRules.Check(value, MaxValueLength * 4) is { } text ? $"The tag value {text}" : null;
    }

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
