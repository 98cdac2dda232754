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
        LogStarted(logger, options.HostId, options.Endpoint, options.SampleInterval.TotalSeconds, spool.Directory);
        // The first reading only sets the baseline for rates and CPU percents.
        collector.Collect();
        var start = time.GetTimestamp();
        var schedule = new SampleSchedule(options.SampleInterval);
        while (!stoppingToken.IsCancellationRequested)
        {
            var (wait, skipped) = schedule.Next(time.GetElapsedTime(start));
            if (skipped > 0)
            {
                LogSkipped(logger, skipped, options.SampleInterval.TotalSeconds);
            }

            try
            {
                await Task.Delay(wait, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Agent started for host {HostId}, posting to {Endpoint}, sampling every {Seconds} s, spool {SpoolDir}")]
    private static partial void LogStarted(ILogger logger, string hostId, Uri? endpoint, double seconds, string spoolDir);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sampling fell behind: {Skipped} samples were not taken (the agent was starved of CPU, or a sample took longer than {Seconds} s)")]
    private static partial void LogSkipped(ILogger logger, long skipped, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Taking or queueing a sample failed; the next one is tried on schedule")]
    private static partial void LogSampleFailed(ILogger logger, Exception exception);
}
