namespace InfraFunctions.Core.Ingest;

/// <summary>
/// What this instance's ingest did since it started: samples accepted and rejected, posts refused while storage
/// throttled, and the latency of the sample table writes. In-process on purpose: counting per sample in a table would
/// double the writes; the metrics endpoint says these are per instance.
/// </summary>
public sealed class IngestCounters(TimeProvider time)
{
    private const int LatencyWindow = 256;
    private readonly double[] _latencies = new double[LatencyWindow];
    private readonly Lock _gate = new();
    private long _accepted;
    private long _rejected;
    private long _throttled;
    private long _writes;

    public DateTimeOffset Since { get; } = time.GetUtcNow();

    public long Accepted => Interlocked.Read(ref _accepted);

    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Posts answered 503 because Table Storage was unavailable or throttling.</summary>
    public long Throttled => Interlocked.Read(ref _throttled);

    public void RecordBatch(int accepted, int rejected)
    {
        Interlocked.Add(ref _accepted, accepted);
        Interlocked.Add(ref _rejected, rejected);
    }

    public void RecordThrottled() => Interlocked.Increment(ref _throttled);

    public void RecordWrite(TimeSpan elapsed)
    {
        lock (_gate)
        {
            _latencies[_writes++ % LatencyWindow] = elapsed.TotalMilliseconds;
        }
    }

    /// <summary>Mean, p95 and max of the last 256 sample-table writes, in ms; null before the first write.</summary>
    public (double Mean, double P95, double Max, long Writes)? WriteLatency()
    {
        double[] copy;
        long writes;
        lock (_gate)
        {
            writes = _writes;
            copy = _latencies.AsSpan(0, (int)Math.Min(writes, LatencyWindow)).ToArray();
        }

        if (copy.Length == 0)
        {
            return null;
        }

        Array.Sort(copy);
        return (Math.Round(copy.Average(), 2), copy[(int)Math.Ceiling(0.95 * copy.Length) - 1], copy[^1], writes);
    }
}
