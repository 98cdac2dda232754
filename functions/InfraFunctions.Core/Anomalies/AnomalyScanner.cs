using InfraFunctions.Core.Aggregation;
using InfraFunctions.Core.Storage;

namespace InfraFunctions.Core.Anomalies;

/// <summary>Reads one host's raw samples (the window plus an hour of baseline) and 30 days of hourly rollups, then scans.</summary>
public sealed class AnomalyScanner(SampleRepository samples, RollupRepository rollups, TimeProvider time)
{
    public static readonly TimeSpan SeasonalHistory = TimeSpan.FromDays(30);

    public async Task<AnomalyScanResult> ScanAsync(string hostId, TimeSpan window, IReadOnlyList<string> metrics, AnomalySensitivity sensitivity, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var from = now - window;
        var baselineStart = from - (AnomalyDetector.Window * AnomalyScan.Step);
        var rawTask = samples.ReadRowsAsync(hostId, baselineStart, now, cancellationToken);
        var hourlyTask = rollups.ReadAsync(RollupTier.Hourly, hostId, now - SeasonalHistory, now, null, cancellationToken);
        await Task.WhenAll(rawTask, hourlyTask);
        return AnomalyScan.Run(await rawTask, await hourlyTask, metrics, sensitivity, from, now);
    }
}
