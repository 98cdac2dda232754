using InfraFunctions.Core.Aggregation;

namespace InfraFunctions.Core.Anomalies;

/// <summary>Reads one host's raw samples (the window plus an hour of baseline) and 30 days of hourly rollups, then scans.</summary>
public sealed class AnomalyService(SampleRepository samples, RollupRepository rollups, TimeProvider time)
{
    public static readonly TimeSpan SeasonalHistory = TimeSpan.FromDays(30);

    /// <summary>Raw samples a disk forecast reads on top of hourly rollups: the hour not yet rolled up, with margin.</summary>
    public static readonly TimeSpan ForecastRawHistory = TimeSpan.FromHours(2);

    public async Task<AnomalyFindings> ScanAsync(string hostId, TimeSpan window, IReadOnlyList<string> metrics, AnomalySensitivity sensitivity, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var from = now - window;
        var baselineStart = from - (AnomalyDetector.Window * AnomalyAnalyzer.Step);
        var rawTask = samples.ReadRowsAsync(hostId, baselineStart, now, cancellationToken);
        var hourlyTask = rollups.ReadAsync(RollupTier.Hourly, hostId, now - SeasonalHistory, now, null, cancellationToken);
        await Task.WhenAll(rawTask, hourlyTask);
        return AnomalyAnalyzer.Run(await rawTask, await hourlyTask, metrics, sensitivity, from, now);
    }

    /// <summary>
    /// The root disk's projection alone, for the hourly sweep: 7 days of hourly rollups plus the last two hours of raw
    /// samples, far cheaper than a full scan. A host without rollups yet gets no projection here.
    /// </summary>
    public async Task<DiskForecast?> ForecastDiskAsync(string hostId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var rawTask = samples.ReadRowsAsync(hostId, now - ForecastRawHistory, now, cancellationToken);
        var hourlyTask = rollups.ReadAsync(RollupTier.Hourly, hostId, now - DiskForecaster.Lookback, now, null, cancellationToken);
        await Task.WhenAll(rawTask, hourlyTask);
        return AnomalyAnalyzer.ForecastDisk(await rawTask, await hourlyTask, now);
    }
}
