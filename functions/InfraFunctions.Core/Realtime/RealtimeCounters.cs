using InfraFunctions.Core.Telemetry;

namespace InfraFunctions.Core.Realtime;

/// <summary>What live publishing did since the process started; component health reads it. Each count is also the
/// <c>infra.realtime.messages</c> metric.</summary>
public sealed class RealtimeCounters(TimeProvider time)
{
    private long _published;
    private long _failed;
    private long _dropped;
    private long _consecutiveFailures;
    private (DateTimeOffset At, string Error)? _lastFailure;

    public long Published => Interlocked.Read(ref _published);

    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Messages dropped because the outbox was full (the service is slower than ingest).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public DateTimeOffset? LastSuccessAt { get; private set; }

    public DateTimeOffset? LastFailureAt => _lastFailure?.At;

    public string? LastError => _lastFailure?.Error;

    /// <summary>Failures since the last success: non-zero means the service is unreachable right now.</summary>
    public long ConsecutiveFailures => Interlocked.Read(ref _consecutiveFailures);

    public void RecordPublished()
    {
        Interlocked.Increment(ref _published);
        InfraMetrics.RecordRealtime("published");
        Interlocked.Exchange(ref _consecutiveFailures, 0);
        LastSuccessAt = time.GetUtcNow();
    }

    /// <summary>Counts a failure; true when it is the first since a success, so callers log once per outage.</summary>
    public bool RecordFailed(string error)
    {
        Interlocked.Increment(ref _failed);
        InfraMetrics.RecordRealtime("failed");
        _lastFailure = (time.GetUtcNow(), error);
        return Interlocked.Increment(ref _consecutiveFailures) == 1;
    }

    public void RecordDropped()
    {
        Interlocked.Increment(ref _dropped);
        InfraMetrics.RecordRealtime("dropped");
    }
}
