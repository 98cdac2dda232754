using System.Text.Json;
using InfraFunctions.Agent.Collectors;
using InfraFunctions.Agent.Delivery;
using InfraFunctions.Contracts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InfraFunctions.Agent;

/// <summary>Takes a sample every sample interval and appends it to the spool.</summary>
internal sealed partial class SamplingService(
    SampleCollector collector,
    Spool spool,
    AgentOptions options,
    TimeProvider time,
    ILogger<SamplingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = collector.Live.Current.SampleInterval;
        LogStarted(logger, options.HostId, options.Endpoint, interval.TotalSeconds, spool.Directory);
        // The first reading only sets the baseline for rates and CPU percents.
        collector.Collect();
        var start = time.GetTimestamp();
        var schedule = new SampleSchedule(interval);
        while (!stoppingToken.IsCancellationRequested)
        {
            var (wait, skipped) = schedule.Next(time.GetElapsedTime(start));
            if (skipped > 0)
            {
                LogSkipped(logger, skipped, interval.TotalSeconds);
            }

            bool restarted;
            try
            {
                restarted = await WaitForTickAsync(wait, interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            if (restarted)
            {
                // A new interval (pushed by the server) starts its schedule now.
                var now = collector.Live.Current.SampleInterval;
                LogIntervalChanged(logger, interval.TotalSeconds, now.TotalSeconds);
                interval = now;
                start = time.GetTimestamp();
                schedule = new SampleSchedule(interval);
                continue;
            }

            try
            {
                var sample = collector.Collect();
                spool.Append(JsonSerializer.SerializeToUtf8Bytes(sample, ContractsJsonContext.Default.Sample));
            }
            catch (Exception e)
            {
                LogSampleFailed(logger, e);
            }
        }
    }

    // Waits for the tick due after wait; true when the sample interval changed first. Other changes apply at that tick.
    private async Task<bool> WaitForTickAsync(TimeSpan wait, TimeSpan interval, CancellationToken stoppingToken)
    {
        while (true)
        {
            var started = time.GetTimestamp();
            var changed = collector.Live.Changed;
            using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var delay = Task.Delay(wait, time, waiting.Token);
            var first = await Task.WhenAny(delay, changed);
            await waiting.CancelAsync();
            stoppingToken.ThrowIfCancellationRequested();
            if (first != changed)
            {
                return false;
            }

            if (collector.Live.Current.SampleInterval != interval)
            {
                return true;
            }

            wait -= time.GetElapsedTime(started);
            if (wait <= TimeSpan.Zero)
            {
                return false;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sampling every {Seconds} s from now on (was {Before} s)")]
    private static partial void LogIntervalChanged(ILogger logger, double before, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Agent started for host {HostId}, posting to {Endpoint}, sampling every {Seconds} s, spool {SpoolDir}")]
    private static partial void LogStarted(ILogger logger, string hostId, Uri? endpoint, double seconds, string spoolDir);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sampling fell behind: {Skipped} samples were not taken (the agent was starved of CPU, or a sample took longer than {Seconds} s)")]
    private static partial void LogSkipped(ILogger logger, long skipped, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Taking or queueing a sample failed; the next one is tried on schedule")]
    private static partial void LogSampleFailed(ILogger logger, Exception exception);
}
