using NCrontab;

namespace InfraFunctions.LocalHost;

/// <summary>Runs every timer function on its NCRONTAB schedule (six fields, with seconds, as the Functions host).</summary>
public sealed class TimerScheduler(FunctionCatalog catalog, IConfiguration configuration, IServiceProvider services, TimeProvider time, ILogger<TimerScheduler> logger)
    : BackgroundService
{
    private readonly Dictionary<string, SemaphoreSlim> _gates = catalog.Timers.ToDictionary(t => t.Name, _ => new SemaphoreSlim(1, 1), StringComparer.OrdinalIgnoreCase);

    /// <summary>Resolves <c>%SETTING%</c> and parses the schedule; throws with the setting's name when it is missing or wrong.</summary>
    public static CrontabSchedule Schedule(FunctionDescriptor timer, IConfiguration configuration)
    {
        var expression = timer.Schedule ?? string.Empty;
        if (expression.Length > 2 && expression[0] == '%' && expression[^1] == '%')
        {
            var setting = expression[1..^1];
            expression = configuration[setting]
                ?? throw new InvalidOperationException($"Timer {timer.Name} reads its schedule from the app setting {setting}, which is not set.");
        }

        return CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true })
            ?? throw new InvalidOperationException($"Timer {timer.Name} has schedule '{expression}', which is not a six-field NCRONTAB expression.");
    }

    /// <summary>Runs a timer now (manual run); waits if a scheduled run is in progress.</summary>
    public async Task<string?> RunNowAsync(FunctionDescriptor timer, CancellationToken cancellationToken)
    {
        var gate = _gates[timer.Name];
        await gate.WaitAsync(cancellationToken);
        try
        {
            logger.LogInformation("Running timer function {Function}", timer.Name);
            var reply = await FunctionInvoker.InvokeTimerAsync(timer, services, cancellationToken);
            logger.LogInformation("Timer function {Function} finished: {Reply}", timer.Name, reply ?? "(no result)");
            return reply;
        }
        finally
        {
            gate.Release();
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(catalog.Timers.Select(t => LoopAsync(t, Schedule(t, configuration), stoppingToken)));

    private async Task LoopAsync(FunctionDescriptor timer, CrontabSchedule schedule, CancellationToken stoppingToken)
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
                logger.LogError(ex, "Timer function {Function} failed; it runs again at its next occurrence", timer.Name);
            }
        }
    }
}
