using InfraFunctions.Core.Health;
using InfraFunctions.Core.Options;
using InfraFunctions.Core.Storage;

namespace InfraFunctions.Core.Api;

/// <summary>A host's latest sample judged against the thresholds in force now, and whether the host has gone quiet.</summary>
public sealed record HostSnapshot(HostRecord Host, ThresholdCheck Check, double HealthScore, string Level, bool Stale)
{
    public static HostSnapshot Of(HostRecord host, ThresholdOptions thresholds, IngestOptions ingest, DateTimeOffset now)
    {
        var s = host.Latest;
        var check = ThresholdEvaluator.Evaluate(s.Cpu.Percent, s.Memory.Percent, s.Disk.Percent, thresholds);
        var score = InfraFunctions.Core.Health.HealthScore.Compute(s.Cpu.Percent, s.Memory.Percent, s.Disk.Percent, check);
        return new HostSnapshot(host, check, score, InfraFunctions.Core.Health.HealthScore.Level(score), IsStale(host.LastSeen, host.IntervalSeconds, ingest, now));
    }

    /// <summary>Silent for more than N reporting intervals (DESIGN §8: 3 by default).</summary>
    public static bool IsStale(DateTimeOffset lastSeen, int intervalSeconds, IngestOptions ingest, DateTimeOffset now) =>
        now - lastSeen > TimeSpan.FromSeconds(Math.Max(intervalSeconds, 1) * (double)ingest.StaleAfterIntervals);
}
