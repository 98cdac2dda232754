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
        using var timer = new PeriodicTimer(options.SampleInterval, time);
        while (await WaitAsync(timer, stoppingToken))
        {
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

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Agent started for host {HostId}, posting to {Endpoint}, sampling every {Seconds} s, spool {SpoolDir}")]
    private static partial void LogStarted(ILogger logger, string hostId, Uri? endpoint, double seconds, string spoolDir);

    [LoggerMessage(Level = LogLevel.Error, Message = "Taking or queueing a sample failed; the next one is tried on schedule")]
    private static partial void LogSampleFailed(ILogger logger, Exception exception);
}
