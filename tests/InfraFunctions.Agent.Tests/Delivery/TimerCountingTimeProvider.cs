using Microsoft.Extensions.Time.Testing;

namespace InfraFunctions.Agent.Tests.Delivery;

/// <summary>
/// A fake clock that counts the timers created on it, so a test can wait until a background loop is really
/// waiting on the clock before it moves the clock (instead of guessing with a wall-clock delay).
/// </summary>
internal sealed class TimerCountingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private int created;

    public int TimersCreated => Volatile.Read(ref created);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        Interlocked.Increment(ref created);
        return timer;
    }
}
