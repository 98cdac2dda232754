namespace InfraFunctions.Core.Silences;

/// <summary>One span of time a silence holds alerts: from <see cref="StartsAt"/> (inclusive) to <see cref="EndsAt"/> (exclusive).</summary>
public sealed record SilenceWindow(DateTimeOffset StartsAt, DateTimeOffset EndsAt)
{
    public bool Contains(DateTimeOffset at) => StartsAt <= at && at < EndsAt;
}
