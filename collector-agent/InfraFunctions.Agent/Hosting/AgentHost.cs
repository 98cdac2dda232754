using System.Runtime.InteropServices;
using InfraFunctions.Agent.Collectors;
using InfraFunctions.Agent.Collectors.ServiceChecks;
using InfraFunctions.Agent.Collectors.Systemd;
using InfraFunctions.Agent.Delivery;
using InfraFunctions.Agent.Native;
using InfraFunctions.Agent.Settings;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InfraFunctions.Agent.Hosting;

/// <summary>
/// Runs the agent's loops until SIGTERM, SIGINT or SIGQUIT, telling systemd when it is ready and when it stops.
/// The parts are wired by hand: a generic host with dependency injection, configuration and console logging
/// doubles the agent's start-up allocations for ten objects that never change.
/// </summary>
internal static partial class AgentHost
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    public static async Task RunAsync(AgentOptions options, CancellationToken cancellationToken = default)
    {
        // What the runtime and configuration touched on the way here is not needed again.
        ResidentSet.Trim();
        var time = TimeProvider.System;
        using var loggers = LineLoggerFactory.ForConsole(time);
        var logger = loggers.CreateLogger(typeof(AgentHost).FullName!);
        var systemd = new SystemdMonitor(options, time, loggers.CreateLogger<SystemdMonitor>());
        var checks = new CheckRunner(options, time, loggers.CreateLogger<CheckRunner>());
        var live = new LiveSettings(options, loggers.CreateLogger<LiveSettings>());
        var collector = new SampleCollector(time, options, loggers) { Systemd = systemd, CheckResults = checks.Results, Live = live };
        using var spool = Spool.Open(options.SpoolDir, options.QueueLimitBytes, loggers.CreateLogger<Spool>());
        var quarantine = new Quarantine(Path.Combine(options.SpoolDir, "quarantine.jsonl"), time);
        using var http = IngestClient.CreateHttpClient(options.Key!);
        var client = new IngestClient(http, options.Endpoint!, time);
        BackgroundService[] services =
        [
            systemd,
            checks,
            new SamplingService(collector, spool, options, time, loggers.CreateLogger<SamplingService>()),
            new DeliveryService(spool, quarantine, client, collector, options, Backoff.Default(), time, loggers.CreateLogger<DeliveryService>(), ResidentSet.AfterPost),
            new ResidentSetTrimmer(options, time),
        ];

        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        string? stoppedBy = null;
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var onQuit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, Stop);
        foreach (var service in services)
        {
            await service.StartAsync(stopping.Token);
        }

        SystemdNotifier.Notify("READY=1");
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, time, stopping.Token);
        }
        catch (OperationCanceledException)
        {
        }

        SystemdNotifier.Notify("STOPPING=1");
        LogStopping(logger, stoppedBy ?? "request");
        using var deadline = new CancellationTokenSource(StopTimeout, time);
        await Task.WhenAll(services.Select(s => s.StopAsync(deadline.Token)));
        foreach (var service in services)
        {
            service.Dispose();
        }

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stoppedBy ??= context.Signal.ToString();
            stopping.Cancel();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Agent stopping on {Signal}; samples not yet acknowledged stay in the spool for the next start")]
    private static partial void LogStopping(ILogger logger, string signal);
}
