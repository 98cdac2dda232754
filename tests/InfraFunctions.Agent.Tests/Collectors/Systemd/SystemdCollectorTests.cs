using System.Net.Sockets;
using InfraFunctions.Agent.Collectors;
using InfraFunctions.Agent.Collectors.Systemd;
using InfraFunctions.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace InfraFunctions.Agent.Tests.Collectors.Systemd;

/// <summary>The systemd collector against a private dbus-daemon serving a stand-in org.freedesktop.systemd1.</summary>
public sealed class SystemdCollectorTests : IAsyncLifetime
{
    private readonly ListLogger<SystemdMonitor> log = new();
    private PrivateBus bus = null!;

    public async Task InitializeAsync() => bus = await PrivateBus.StartAsync();

    public Task DisposeAsync()
    {
        bus.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task FailedUnitsAreReportedWithTheirStatesAndRestartCounts()
    {
        using var systemd = await FakeSystemd.StartAsync(bus.Address,
            new FakeUnit("nginx.service", "loaded", "active", "running", Restarts: 1),
            new FakeUnit("cron.service", "loaded", "failed", "failed", Restarts: 4),
            new FakeUnit("data.mount", "loaded", "failed", "failed"),
            new FakeUnit("ssh.socket", "loaded", "active", "listening"));
        using var monitor = Monitor(TimeProvider.System);

        Assert.True(await monitor.RefreshAsync(CancellationToken.None));
        var sample = Collector(monitor).Collect();

        Assert.Equal(
            [new SystemdUnit("cron.service", "failed", "failed", 4), new SystemdUnit("data.mount", "failed", "failed", 0)],
            sample.SystemdUnits!.OrderBy(u => u.Name, StringComparer.Ordinal));
        Assert.Null(sample.CollectorErrors);
    }

    [Fact]
    public async Task WatchedUnitsAreReportedWhateverTheirStateAndOneThatDoesNotExistIsInactiveNotFound()
    {
        using var systemd = await FakeSystemd.StartAsync(bus.Address,
            new FakeUnit("nginx.service", "loaded", "active", "running", Restarts: 2),
            new FakeUnit("backup.service", "loaded", "inactive", "dead", Restarts: 1, Loaded: false),
            new FakeUnit("cron.service", "loaded", "failed", "failed"));
        using var monitor = Monitor(TimeProvider.System, "nginx.service", "backup.service", "ghost.service", "cron.service");

        Assert.True(await monitor.RefreshAsync(CancellationToken.None));

        Assert.Equal(
            [
                new SystemdUnit("nginx.service", "active", "running", 2, Watched: true),
                new SystemdUnit("backup.service", "inactive", "dead", 1, Watched: true),
                new SystemdUnit("ghost.service", "inactive", "not-found", 0, Watched: true),
                new SystemdUnit("cron.service", "failed", "failed", 0, Watched: true),
            ],
            Collector(monitor).Collect().SystemdUnits!);
    }

    [Theory]
    [InlineData("no socket")]
    [InlineData("refused")]
    [InlineData("no systemd on the bus")]
    public async Task WithoutSystemdOnASystemBusTheCollectorTurnsItselfOffWithOneInfoLineAndNoErrors(string situation)
    {
        using var refusing = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        var address = situation switch
        {
            "no socket" => $"unix:path={bus.SocketPath}.missing",
            "refused" => Bound(refusing, $"{bus.SocketPath}.refusing"),
            _ => bus.Address,
        };
        using var monitor = new SystemdMonitor(
            new AgentOptions { SystemBusAddress = address, SampleInterval = TimeSpan.FromSeconds(1) }, TimeProvider.System, log);

        await monitor.StartAsync(CancellationToken.None);
        await monitor.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(monitor.Off);
        var line = Assert.Single(log.Lines);
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Contains("systemd units are not collected", line.Message, StringComparison.Ordinal);
        var sample = Collector(monitor).Collect();
        Assert.Empty(sample.SystemdUnits!);
        Assert.Null(sample.CollectorErrors);
    }

    [Fact]
    public async Task WhenTheBusGoesAwayTheLastUnitsAreKeptWithACollectorErrorUntilItAnswersAgain()
    {
        var systemd = await FakeSystemd.StartAsync(bus.Address, new FakeUnit("cron.service", "loaded", "failed", "failed", Restarts: 3));
        using var monitor = Monitor(TimeProvider.System);
        var collector = Collector(monitor);
        Assert.True(await monitor.RefreshAsync(CancellationToken.None));

        systemd.Dispose();
        bus.Stop();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            Assert.False(await monitor.RefreshAsync(CancellationToken.None));
        }

        var during = collector.Collect();
        Assert.Equal([new SystemdUnit("cron.service", "failed", "failed", 3)], during.SystemdUnits!);
        var error = Assert.Single(during.CollectorErrors!);
        Assert.Equal("systemd", error.Collector);
        Assert.Contains($"cannot query systemd over D-Bus at {bus.Address}", error.Message, StringComparison.Ordinal);
        Assert.Contains("the units are as of", error.Message, StringComparison.Ordinal);
        Assert.False(monitor.Off);

        await bus.RestartAsync();
        using var restarted = await FakeSystemd.StartAsync(bus.Address, new FakeUnit("cron.service", "loaded", "active", "running"));
        Assert.True(await monitor.RefreshAsync(CancellationToken.None));

        var after = collector.Collect();
        Assert.Empty(after.SystemdUnits!);
        Assert.Null(after.CollectorErrors);
        // A warning when a new reason appears (the dropped connection, then the missing socket), not on every retry.
        var warnings = log.Lines.Where(l => l.Level == LogLevel.Warning).Select(l => l.Message).ToList();
        Assert.InRange(warnings.Count, 1, 2);
        Assert.Equal(warnings.Count, warnings.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("answers over D-Bus", log.Lines.Last().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABusThatStopsAnsweringNeverDelaysASampleAndFailsTheQueryAfterFiveSeconds()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var systemd = await FakeSystemd.StartAsync(bus.Address, new FakeUnit("cron.service", "loaded", "failed", "failed"));
        using var monitor = Monitor(time);
        var collector = Collector(monitor);
        Assert.True(await monitor.RefreshAsync(CancellationToken.None));

        systemd.Hold();
        var pending = monitor.RefreshAsync(CancellationToken.None);
        var held = collector.Collect();

        Assert.False(pending.IsCompleted);
        Assert.Equal([new SystemdUnit("cron.service", "failed", "failed")], held.SystemdUnits!);
        Assert.Null(held.CollectorErrors);

        // Only the fake clock moves the call's deadline: step it until the query gives up.
        var advanced = TimeSpan.Zero;
        while (!pending.IsCompleted && advanced < TimeSpan.FromSeconds(30))
        {
            time.Advance(TimeSpan.FromSeconds(1));
            advanced += TimeSpan.FromSeconds(1);
            await Task.WhenAny(pending, Task.Delay(20));
        }

        Assert.False(await pending);
        Assert.InRange(advanced, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(6));
        var after = collector.Collect();
        Assert.Equal([new SystemdUnit("cron.service", "failed", "failed")], after.SystemdUnits!);
        Assert.Contains("no answer within 5 s", Assert.Single(after.CollectorErrors!).Message, StringComparison.Ordinal);
    }

    private SystemdMonitor Monitor(TimeProvider time, params string[] watch) =>
        new(new AgentOptions { SystemBusAddress = bus.Address, WatchUnits = watch }, time, log);

    private static SampleCollector Collector(SystemdMonitor monitor) => new(TimeProvider.System, new AgentOptions()) { Systemd = monitor };

    private static string Bound(Socket socket, string path)
    {
        // Bound but never listening: connecting is refused, as when the bus daemon died and left its socket.
        socket.Bind(new UnixDomainSocketEndPoint(path));
        return $"unix:path={path}";
    }
}
