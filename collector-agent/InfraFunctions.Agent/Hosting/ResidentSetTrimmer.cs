using InfraFunctions.Agent.Native;
using Microsoft.Extensions.Hosting;

namespace InfraFunctions.Agent.Hosting;

/// <summary>
/// Runs the full <see cref="ResidentSet.Trim"/> once the first posts are over and then now and then. Each post already
/// gives back the mappings found at start; this finds those mapped since (the TLS library, loaded by the first
/// https post) and returns what a rare path (a reconnect, a backoff) brought in.
/// </summary>
internal sealed class ResidentSetTrimmer(AgentOptions options, TimeProvider time) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(15);

    /// <summary>The first post follows the first sample; by the third sample it has usually been answered.</summary>
    public TimeSpan FirstAfter => (3 * options.SampleInterval) + TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var wait = FirstAfter;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(wait, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            ResidentSet.Trim();
            wait = Every;
        }
    }
}
