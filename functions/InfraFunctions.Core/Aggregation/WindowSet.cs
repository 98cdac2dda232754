namespace InfraFunctions.Core.Aggregation;

/// <summary>The windows one endpoint accepts, shortest first, and the one it uses when the query names none.</summary>
public sealed record WindowSet(string Default, IReadOnlyList<TimeWindow> Windows)
{
    public IEnumerable<string> Names => Windows.Select(w => w.Name);

    /// <summary>The named window, or <see cref="Default"/> when <paramref name="name"/> is null.</summary>
    public bool TryParse(string? name, out string normalised, out TimeSpan span)
    {
        normalised = name ?? Default;
        foreach (var window in Windows)
        {
            if (string.Equals(window.Name, normalised, StringComparison.Ordinal))
            {
                span = window.Span;
                return true;
            }
        }

        span = default;
        return false;
    }
}
