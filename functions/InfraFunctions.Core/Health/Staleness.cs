namespace InfraFunctions.Core.Health;

/// <summary>
/// When a host counts as stale, shown as <c>down</c> with a <c>host_down</c> alert: silent for more than
/// <c>Ingest__StaleAfterIntervals</c> (3 by default) of its own reporting intervals. Every view of a host asks here.
/// </summary>
public sealed class Staleness(IngestOptions ingest)
{
    /// <summary>How many silent reporting intervals make a host stale.</summary>
    public int AfterIntervals => ingest.StaleAfterIntervals;

    /// <summary>How long a host reporting every <paramref name="intervalSeconds"/> may stay silent; an interval under 1 s counts as 1 s.</summary>
    public TimeSpan Limit(int intervalSeconds) => TimeSpan.FromSeconds(Math.Max(intervalSeconds, 1) * (double)AfterIntervals);

    public bool IsStale(DateTimeOffset lastSeen, int intervalSeconds, DateTimeOffset now) => now - lastSeen > Limit(intervalSeconds);
}
