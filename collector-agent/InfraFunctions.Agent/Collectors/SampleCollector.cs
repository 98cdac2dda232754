using InfraFunctions.Agent.Collectors.ServiceChecks;
using InfraFunctions.Agent.Collectors.Systemd;
using InfraFunctions.Agent.Settings;
using InfraFunctions.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace InfraFunctions.Agent.Collectors;

/// <summary>Takes one complete sample. Rates and CPU percents are over the time since the previous call.</summary>
internal sealed class SampleCollector(TimeProvider time, AgentOptions options, ILoggerFactory? loggers = null)
{
    private readonly CpuCollector cpu = new();
    private readonly MemoryCollector memory = new();
    private readonly DiskCollector disks = new(time);
    private readonly NetworkCollector network = new(time);
    private readonly ProcessCollector processes = new(time, options.Top, options.Watch);
    private readonly ContainerCollector containers = new(time, options.CgroupRoot ?? ContainerCollector.FindCgroup2Root());
    private readonly TemperatureCollector temperatures = new(time, options.Temperatures, options.SysClassRoot);
    private TextfileCollector textfile = NewTextfile(options, options.TextfileDir, loggers);
    private string? textfileDirectory = options.TextfileDir;
    private LiveValues? applied;
    private PlatformInfo? platform;

    /// <summary>The settings read on every sample; the server may change them while the agent runs.</summary>
    public LiveSettings Live { get; init; } = new(options);

    /// <summary>systemd units, queried on the monitor's own loop; none when null.</summary>
    public SystemdMonitor? Systemd { get; init; }

    /// <summary>Service check results, written by the checks' own loops; none when null.</summary>
    public CheckResults? CheckResults { get; init; }

    public PlatformInfo Platform => platform ??= PlatformCollector.Collect(BootTime());

    public Sample Collect()
    {
        var settings = Live.Current;
        if (!ReferenceEquals(settings, applied))
        {
            Reconfigure(settings);
        }

        var timestamp = time.GetUtcNow();
        var cpuMetrics = cpu.Collect();
        var memoryMetrics = memory.Collect();
        var (root, mounts) = disks.Collect();
        var networkMetrics = network.Collect();
        var processList = processes.Collect(memory.TotalBytes, cpu.BootTimeSeconds);
        var containerList = containers.Collect();
        var custom = textfile.Collect();
        var temperatureList = temperatures.Collect();

        // systemd units and check results come from loops of their own: reading the latest never waits.
        var systemd = settings.Systemd ? Systemd?.Latest ?? SystemdSnapshot.Empty : SystemdSnapshot.Empty;
        var checkResults = CheckResults?.Snapshot() ?? [];
        var errors = custom.Errors;
        if (systemd.Error is { } systemdError)
        {
            errors = [.. errors ?? [], new CollectorError("systemd", systemdError)];
        }

        return new Sample(
            timestamp, cpuMetrics, memoryMetrics, root, networkMetrics, mounts, processList,
            containerList.Count == 0 ? null : containerList,
            CustomMetrics: custom.Metrics,
            Temperatures: temperatureList,
            SystemdUnits: systemd.Units,
            Checks: checkResults,
            CollectorErrors: errors,
            DroppedCustomMetrics: custom.Dropped);
    }

    private static TextfileCollector NewTextfile(AgentOptions options, string? directory, ILoggerFactory? loggers) =>
        new(directory, options.CustomMetricsMaxSeries, options.CustomMetricsMaxLabelValues, (loggers ?? NullLoggerFactory.Instance).CreateLogger<TextfileCollector>());

    private void Reconfigure(LiveValues settings)
    {
        processes.Configure(settings.Top, settings.Watch);
        temperatures.Enabled = settings.Temperatures;
        if (settings.TextfileDir != textfileDirectory)
        {
            // The server's textfile collector reads the agent's state directory, made on first use.
            if (settings.TextfileDir == AgentOptions.DefaultTextfileDir && options.TextfileDir is null)
            {
                TryCreate(settings.TextfileDir);
            }

            textfile = NewTextfile(options, settings.TextfileDir, loggers);
            textfileDirectory = settings.TextfileDir;
        }

        applied = settings;
    }

    private static void TryCreate(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The collector reports the directory it cannot read with each sample.
        }
    }

    private long BootTime()
    {
        if (cpu.BootTimeSeconds == 0)
        {
            cpu.Collect();
        }

        return cpu.BootTimeSeconds;
    }
}
