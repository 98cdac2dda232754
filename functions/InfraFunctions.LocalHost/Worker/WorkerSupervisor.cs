using InfraFunctions.LocalHost.Rpc;
using Microsoft.Extensions.Options;

namespace InfraFunctions.LocalHost.Worker;

/// <summary>
/// Starts the function app's worker, takes it through the host's start-up handshake, and keeps one running:
/// a worker that dies after it was ready is started again with backoff. A worker that never gets ready ends
/// LocalHost with the worker's own error text.
/// </summary>
public sealed class WorkerSupervisor(
    WorkerRegistry registry,
    GrpcEndpoint grpc,
    AppSettings settings,
    IOptions<LocalHostOptions> options,
    IHostApplicationLifetime lifetime,
    ILoggerFactory loggers) : BackgroundService, IHostedLifecycleService
{
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)];
    private readonly ILogger _logger = loggers.CreateLogger("InfraFunctions.LocalHost.Worker");
    private readonly ILogger _workerLogger = loggers.CreateLogger("Function");
    private readonly TaskCompletionSource<FunctionIndex> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile WorkerSession? _current;
    private volatile bool _stopping;

    /// <summary>The ready worker, or null while it starts or restarts.</summary>
    public WorkerSession? Current => _current;

    /// <summary>Completes when the first worker has loaded every function; fails with the reason it could not.</summary>
    public Task<FunctionIndex> Ready => _ready.Task;

    /// <summary>How many workers have been started, the first included.</summary>
    public int Starts { get; private set; }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // Before any service stops: the worker's event stream is a request Kestrel would otherwise wait out.
    public Task StoppingAsync(CancellationToken cancellationToken) => TerminateAsync();

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await TerminateAsync();
        await base.StopAsync(cancellationToken);
        _ready.TrySetException(new OperationCanceledException("LocalHost stopped before the worker was ready."));
    }

    /// <summary>WorkerTerminate, then the grace period, then kill.</summary>
    private async Task TerminateAsync()
    {
        _stopping = true;
        if (_current is { } session)
        {
            _current = null;
            var grace = TimeSpan.FromSeconds(options.Value.ShutdownGraceSeconds);
            try
            {
                session.Channel.Terminate(grace);
            }
            catch (WorkerUnavailableException)
            {
                // Its stream is gone already; the process is stopped below either way.
            }

            await session.Process.StopAsync(grace);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await WhenStartedAsync(stoppingToken);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested && !_stopping)
        {
            WorkerProcess? process = null;
            try
            {
                var session = await StartAsync(p => process = p, stoppingToken);
                failures = 0;
                _current = session;
                _ready.TrySetResult(session.Index);
                _logger.LogInformation("Worker {Pid} ready: {Count} functions loaded, HTTP at {HttpUri}", session.Process.Id, session.Index.Functions.Count, session.HttpUri);
                await Task.WhenAny(session.Process.Exited, session.Channel.Closed, WatchStatusAsync(session, stoppingToken));
                _current = null;
                if (stoppingToken.IsCancellationRequested || _stopping)
                {
                    return;
                }

                _logger.LogError("The worker (pid {Pid}) stopped{Exit}; starting a new one", session.Process.Id,
                    session.Process.Exited.IsCompleted ? $" with exit code {session.Process.Exited.Result}" : " its event stream");
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (!_ready.Task.IsCompleted)
            {
                // The first start failed: there is nothing to serve. Say why, in the worker's own words, and stop.
                _ready.TrySetException(ex);
                _logger.LogCritical("The function app's worker did not start: {Reason}", ex.Message);
                lifetime.StopApplication();
                return;
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "A new worker did not start");
            }
            finally
            {
                process?.Dispose();
            }

            var delay = Backoff[Math.Min(failures++, Backoff.Length - 1)];
            try
            {
                await Task.Delay(delay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<WorkerSession> StartAsync(Action<WorkerProcess> started, CancellationToken stoppingToken)
    {
        var directory = FunctionApp.Directory(options.Value);
        var launch = WorkerLaunch.Read(directory);
        var channel = new WorkerChannel(Guid.NewGuid().ToString(), _workerLogger);
        registry.Add(channel);
        try
        {
            var process = WorkerProcess.Start(launch.StartInfo(grpc.Uri, channel.WorkerId, Guid.NewGuid().ToString(), settings.ForWorker()), _logger);
            started(process);
            Starts++;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.StartupTimeoutSeconds));
            try
            {
                var handshake = WorkerHandshake.RunAsync(process, channel, directory, settings, timeout.Token);
                if (await Task.WhenAny(handshake, process.Exited).WaitAsync(timeout.Token) != handshake)
                {
                    _ = handshake.ContinueWith(t => t.Exception, TaskScheduler.Default);
                    throw new WorkerUnavailableException("The worker exited during start-up.");
                }

                return await handshake;
            }
            catch (Exception ex) when (ex is WorkerUnavailableException || (ex is OperationCanceledException && !stoppingToken.IsCancellationRequested))
            {
                var exit = await Task.WhenAny(process.Exited, Task.Delay(TimeSpan.FromSeconds(3), stoppingToken)) == process.Exited
                    ? $"it exited with code {process.Exited.Result}"
                    : $"it did not get ready within {options.Value.StartupTimeoutSeconds} s";
                throw new InvalidOperationException($"The worker ({launch.WorkerPath}) failed to start: {exit}. Its output:{Environment.NewLine}{process.Tail}", ex);
            }
        }
        finally
        {
            registry.Remove(channel);
        }
    }

    /// <summary>
    /// Asks the worker for its status every <see cref="StatusInterval"/>, as the Functions host does; returns (so the
    /// worker is replaced) when it stops answering, or when LocalHost stops.
    /// </summary>
    private async Task WatchStatusAsync(WorkerSession session, CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(StatusInterval, stoppingToken);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                timeout.CancelAfter(StatusTimeout);
                try
                {
                    await session.Channel.RequestAsync(new StreamingMessage { WorkerStatusRequest = new WorkerStatusRequest() }, timeout.Token);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    _logger.LogError("The worker (pid {Pid}) did not answer a status request within {Seconds} s; replacing it", session.Process.Id, StatusTimeout.TotalSeconds);
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WorkerUnavailableException)
        {
            // LocalHost is stopping, or the stream is gone and the caller sees that itself.
        }
    }

    private async Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);
    }

    private static readonly TimeSpan StatusInterval = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan StatusTimeout = TimeSpan.FromSeconds(30);
}
