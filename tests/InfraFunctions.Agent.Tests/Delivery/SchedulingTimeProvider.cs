using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace InfraFunctions.Agent.Tests.Delivery;

/// <summary>
/// A fake clock that reports each wait a background loop starts on it (as the time it is due) and counts the waits
/// that ended. A test awaits the loop's next wait instead of guessing with a wall-clock delay, and knows that
/// nothing waiting on this clock ran while <see cref="Fired"/> did not change: <see cref="FakeTimeProvider.Advance"/>
/// runs every callback that falls due before it returns.
/// </summary>
internal sealed class SchedulingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly Channel<DateTimeOffset> scheduled = Channel.CreateUnbounded<DateTimeOffset>();
    private int fired;

    /// <summary>How many timers created on this clock have fired.</summary>
    public int Fired => Volatile.Read(ref fired);

    /// <summary>The time the next timer created on this clock is due, once one is created (within 10 s).</summary>
    public async Task<DateTimeOffset> NextScheduledAsync() => await scheduled.Reader.ReadAsync().AsTask().WaitAsync(Deadline);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var due = GetUtcNow() + dueTime;
        var timer = base.CreateTimer(
            s =>
            {
                Interlocked.Increment(ref fired);
                callback(s);
            },
            state, dueTime, period);
        scheduled.Writer.TryWrite(due);
        return timer;
    }
}
