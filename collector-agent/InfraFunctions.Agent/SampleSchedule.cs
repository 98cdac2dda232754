namespace InfraFunctions.Agent;

/// <summary>
/// When samples are due: tick k at k sample intervals after the start, so lateness never accumulates into drift.
/// A tick that comes late is taken late. When the agent falls a whole interval or more behind (it was starved of
/// CPU, or a sample took longer than the interval), only the latest tick that has passed is taken; the ones before
/// it are skipped and counted, rather than taken back to back as readings over a few milliseconds.
/// </summary>
internal sealed class SampleSchedule(TimeSpan interval)
{
    private long next = 1;

    /// <summary>
    /// Given the time since the start, how long to wait before taking the next sample, and how many ticks
    /// had to be skipped to get there.
    /// </summary>
    public (TimeSpan Wait, long Skipped) Next(TimeSpan elapsed)
    {
        var due = interval * next;
        if (elapsed < due)
        {
            next++;
            return (due - elapsed, 0);
        }

        var latest = elapsed.Ticks / interval.Ticks;
        var skipped = latest - next;
        next = latest + 1;
        return (TimeSpan.Zero, skipped);
    }
}
