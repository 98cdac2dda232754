using InfraFunctions.Contracts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InfraFunctions.Agent.Collectors.ServiceChecks;

/// <summary>
/// Runs every configured check on a loop of its own, each on its own interval and within its own timeout, and
/// keeps the latest result of each in <see cref="Results"/>: sampling reads it and never waits for a check.
/// </summary>
internal sealed partial class CheckRunner : BackgroundService
{
    private readonly ServiceCheck[] checks;
    private readonly TimeProvider time;
    private readonly ILogger<CheckRunner> logger;

    public CheckRunner(AgentOptions options, TimeProvider time, ILogger<CheckRunner> logger)
    {
        this.time = time;
        this.logger = logger;
        checks = new ServiceCheck[options.Checks.Count];
        for (var i = 0; i < checks.Length; i++)
        {
            checks[i] = new ServiceCheck(options.Checks[i], time);
        }

        Results = new CheckResults(checks.Length);
    }

    public CheckResults Results { get; }

    /// <summary>Runs each check once, all at the same time (for <c>--once</c>).</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var runs = new Task[checks.Length];
        for (var i = 0; i < checks.Length; i++)
        {
            runs[i] = RunAsync(i, null, cancellationToken);
        }

        await Task.WhenAll(runs);
    }

    public override void Dispose()
    {
        foreach (var check in checks)
        {
            check.Dispose();
        }

        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (checks.Length == 0)
        {
            return;
        }

        // Start the loops off the host's start-up path.
        await Task.Yield();
        var loops = new Task[checks.Length];
        for (var i = 0; i < checks.Length; i++)
        {
            loops[i] = LoopAsync(i, stoppingToken);
        }

        await Task.WhenAll(loops);
    }

    private async Task LoopAsync(int index, CancellationToken stoppingToken)
    {
        var schedule = new SampleSchedule(checks[index].Options.Interval);
        var start = time.GetTimestamp();
        CheckResult? previous = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                previous = await RunAsync(index, previous, stoppingToken);
                var (wait, _) = schedule.Next(time.GetElapsedTime(start));
                await Task.Delay(wait, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task<CheckResult> RunAsync(int index, CheckResult? previous, CancellationToken cancellationToken)
    {
        CheckResult result;
        try
        {
            result = await checks[index].RunAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var check = checks[index].Options;
            result = new CheckResult(check.Name, check.Target, false, time.GetUtcNow(), Error: e.Message);
        }

        Results.Set(index, result);
        if (!result.Up && previous?.Up != false)
        {
            LogDown(logger, result.Name, result.Target, result.Error);
        }
        else if (result.Up && previous is { Up: false })
        {
            LogUp(logger, result.Name, result.Target);
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Check {Name} ({Target}) is down: {Error}")]
    private static partial void LogDown(ILogger logger, string name, string target, string? error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Check {Name} ({Target}) is up again")]
    private static partial void LogUp(ILogger logger, string name, string target);
}
