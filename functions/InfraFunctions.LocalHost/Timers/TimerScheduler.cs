using System.Collections.Concurrent;
using System.Diagnostics;
using InfraFunctions.LocalHost.Rpc;
using InfraFunctions.LocalHost.Worker;
using NCrontab;

namespace InfraFunctions.LocalHost.Timers;

/// <summary>
/// Runs every timer function of the worker's metadata on its schedule, one run of a timer at a time, and on demand
/// for the admin API. Each invocation carries the TimerInfo the host would send.
/// </summary>
public sealed class TimerScheduler(WorkerSupervisor supervisor, AppSettings settings, TimeProvider time, ILogger<TimerScheduler> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _last = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Runs a timer now and returns its InvocationResponse; waits if a run of the same timer is in progress.</summary>
    public async Task<InvocationResponse> RunNowAsync(FunctionInfo timer, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(timer.Name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var worker = supervisor.Current ?? throw new WorkerUnavailableException("The worker is starting or restarting.");
            var now = time.GetUtcNow();
            var schedule = TimerSchedules.Parse(timer, settings);
            var status = new TimerStatus(_last.GetValueOrDefault(timer.Name, now), new DateTimeOffset(schedule.GetNextOccurrence(now.UtcDateTime), TimeSpan.Zero), now, IsPastDue: false);
            logger.LogInformation("Running timer function {Function}", timer.Name);
            using var activity = InvocationActivity.Start(timer.Name);
            var response = await worker.Channel.InvokeAsync(InvocationMessages.Timer(timer, Guid.NewGuid().ToString(), status, activity)).WaitAsync(cancellationToken);
            _last[timer.Name] = now;
            if (response.Result?.Status == StatusResult.Types.Status.Success)
            {
                logger.LogInformation("Timer function {Function} finished: {Reply}", timer.Name, InvocationMessages.Text(response.ReturnValue) ?? "(no result)");
            }
            else
            {
                logger.LogError("Timer function {Function} failed: {Message}", timer.Name, response.Result?.Exception?.Message);
            }

            return response;
        }
        finally
        {
            gate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        FunctionIndex index;
        try
        {
            index = await supervisor.Ready.WaitAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException)
        {
            return; // LocalHost is stopping, or the worker never started: the supervisor reports why.
        }

        var schedules = TimerSchedules.Resolve(index, settings);
        await Task.WhenAll(index.Timers.Select(t => LoopAsync(t, schedules[t.Name], stoppingToken)));
    }

    private async Task LoopAsync(FunctionInfo timer, CrontabSchedule schedule, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var next = new DateTimeOffset(schedule.GetNextOccurrence(now.UtcDateTime), TimeSpan.Zero);
            try
            {
                await Task.Delay(next - now, time, stoppingToken);
                await RunNowAsync(timer, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Timer function {Function} did not run; it runs again at its next occurrence", timer.Name);
            }
        }
    }
}
