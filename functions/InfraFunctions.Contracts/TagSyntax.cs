using System.Buffers;
using System.Text.Unicode;

namespace InfraFunctions.Contracts;

/// <summary>
/// What a host tag (<c>key=value</c>) may look like, the same for the agent (which refuses to start with a bad one in
/// its configuration) and the server (which refuses it in a request and ignores it in a batch). Keys are 1-64
/// characters of <c>[A-Za-z0-9_.-]</c> starting with a letter, so they can be Prometheus labels after one
/// substitution; values are 1-128 printable characters. A host has at most 32 tags.
/// </summary>
public static class TagSyntax
{
    /// <summary>Longest tag key.</summary>
    public const int MaxKeyLength = 64;

    /// <summary>Longest tag value.</summary>
    public const int MaxValueLength = 128;

    /// <summary>Most tags on one host.</summary>
    public const int MaxTags = 32;

    private static readonly SearchValues<char> KeyChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-");

    /// <summary>Why <paramref name="key"/> is not a tag key, or null when it is one.</summary>
    public static string? KeyProblem(string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > MaxKeyLength)
        {
            return $"A tag key is 1-{MaxKeyLength} characters; '{key}' is {key?.Length ?? 0}.";
        }

        return char.IsAsciiLetter(key[0]) && key.AsSpan().IndexOfAnyExcept(KeyChars) < 0
            ? null
            : $"Tag key '{key}' must start with a letter and use only letters, digits, '_', '.' and '-'.";
    }

    /// <summary>Why <paramref name="value"/> is not a tag value, or null when it is one.</summary>
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

        // A broken surrogate pair has no UTF-8 form: the value would not read back as it was given.
        Span<byte> utf8 = stackalloc byte[MaxValueLength * 3];
        return Utf8.FromUtf16(value, utf8, out _, out _, replaceInvalidSequences: false) == OperationStatus.InvalidData
            ? "The tag value contains a broken surrogate pair; give well-formed Unicode."
            : null;
    }

    /// <summary>The problem with the tag <paramref name="key"/>=<paramref name="value"/>, or null when it is a valid tag.</summary>
    public static string? Problem(string key, string? value) => KeyProblem(key) ?? ValueProblem(value);

    /// <summary>Every problem with a host's tags: the count (with a null key) first, then each bad tag by its key.</summary>
    public static IEnumerable<(string? Key, string Problem)> Problems(IReadOnlyDictionary<string, string> tags)
    {
        if (tags.Count > MaxTags)
        {
            yield return (null, $"{tags.Count} tags; a host may have at most {MaxTags}.");
        }

        foreach (var (key, value) in tags)
        {
            if (Problem(key, value) is { } problem)
            {
                yield return (key, problem);
            }
        }
    }

    /// <summary>
    /// The Prometheus label a tag key becomes: <c>tag_</c> and the key with <c>.</c> and <c>-</c> as <c>_</c>
    /// (<c>team.name</c> is <c>tag_team_name</c>).
    /// </summary>
    public static string LabelName(string key) => "tag_" + key.Replace('.', '_').Replace('-', '_');
}
