namespace InfraFunctions.Contracts;

/// <summary>
/// What a custom series may look like, the same for the agent (which drops and counts what breaks them) and the server
/// (which refuses a sample that breaks them). Names follow Prometheus's data model.
/// </summary>
public static class CustomMetricRules
{
    /// <summary>Longest metric name.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Most labels on one series.</summary>
    public const int MaxLabels = 16;

    /// <summary>Longest label name.</summary>
    public const int MaxLabelNameLength = 100;

    /// <summary>Longest label value.</summary>
    public const int MaxLabelValueLength = 256;

    /// <summary>Most series in one sample that the server stores; the agent's own limit is a setting at or below it.</summary>
    public const int MaxSeriesPerSample = 1000;

    /// <summary>Names the server's own export uses; a custom series may not take them.</summary>
    public const string ReservedPrefix = "infra_";

    /// <summary><c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>, at most <see cref="MaxNameLength"/> characters, not starting with <see cref="ReservedPrefix"/>.</summary>
    public static bool IsValidName(string name) =>
        name.Length is > 0 and <= MaxNameLength
        && IsNameStart(name[0], colon: true)
        && name.AsSpan(1).IndexOfAnyExcept(NameChars) < 0
        && !name.StartsWith(ReservedPrefix, StringComparison.Ordinal);

    /// <summary><c>[a-zA-Z_][a-zA-Z0-9_]*</c>, at most <see cref="MaxLabelNameLength"/> characters; names starting with <c>__</c> are reserved.</summary>
    public static bool IsValidLabelName(string name) =>
        name.Length is > 0 and <= MaxLabelNameLength
        && IsNameStart(name[0], colon: false)
        && name.AsSpan(1).IndexOfAnyExcept(LabelChars) < 0
        && !name.StartsWith("__", StringComparison.Ordinal);

    private static readonly System.Buffers.SearchValues<char> NameChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_:");

    private static readonly System.Buffers.SearchValues<char> LabelChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");

    private static bool IsNameStart(char c, bool colon) => char.IsAsciiLetter(c) || c == '_' || (colon && c == ':');
}
