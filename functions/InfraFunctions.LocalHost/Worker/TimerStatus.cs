namespace InfraFunctions.LocalHost.Worker;

/// <summary>When a timer last ran and runs next, as the host tracks it and hands it to the function as TimerInfo.</summary>
public sealed record TimerStatus(DateTimeOffset Last, DateTimeOffset Next, DateTimeOffset LastUpdated, bool IsPastDue);
