namespace InfraFunctions.Core.Tags;

/// <summary>
/// A host's tags by where they came from. <see cref="Effective"/> merges them, later sources winning:
/// the agent's own, then those its enrollment token gave, then an operator's.
/// </summary>
public sealed record HostTags(
    IReadOnlyDictionary<string, string> Agent,
    IReadOnlyDictionary<string, string> Enrollment,
    IReadOnlyDictionary<string, string> Operator)
{
    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    public static HostTags None { get; } = new(Empty, Empty, Empty);

    public IReadOnlyDictionary<string, string> Effective
    {
        get
        {
            var merged = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var source in (IReadOnlyDictionary<string, string>[])[Agent, Enrollment, Operator])
            {
                foreach (var (key, value) in source)
                {
                    merged[key] = value;
                }
            }

            return merged;
        }
    }

    /// <summary>Whether the host carries every tag of <paramref name="selector"/> (an empty selector matches every host).</summary>
    public bool Matches(IReadOnlyDictionary<string, string> selector)
    {
        var effective = Effective;
        return selector.All(t => effective.TryGetValue(t.Key, out var v) && string.Equals(v, t.Value, StringComparison.Ordinal));
    }
}
