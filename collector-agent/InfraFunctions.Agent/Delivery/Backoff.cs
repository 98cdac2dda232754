namespace InfraFunctions.Agent.Delivery;

/// <summary>
/// Exponential backoff with "equal jitter": half the capped exponential delay, plus a random share of the
/// other half, so agents that failed together do not retry together.
/// </summary>
internal sealed class Backoff(TimeSpan initial, TimeSpan max, Random random)
{
    public static Backoff Default() => new(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5), Random.Shared);

    public TimeSpan Initial => initial;

    public TimeSpan Max => max;

    /// <summary>The delay before retry number <paramref name="attempt"/> (1 for the first retry).</summary>
    public TimeSpan Next(int attempt)
    {
        var exponent = Math.Clamp(attempt - 1, 0, 30);
        var capped = Math.Min(max.TotalSeconds, initial.TotalSeconds * Math.Pow(2, exponent));
        return TimeSpan.FromSeconds((capped / 2) + (random.NextDouble() * capped / 2));
    }
}
