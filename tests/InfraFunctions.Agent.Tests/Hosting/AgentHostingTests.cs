using System.Net.Sockets;
using System.Text;
using InfraFunctions.Agent.Hosting;
using InfraFunctions.Agent.Native;
using InfraFunctions.Agent.Tests.Delivery;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace InfraFunctions.Agent.Tests.Hosting;

public sealed class AgentHostingTests : IDisposable
{
    private readonly TempDirectory directory = new();

    [Fact]
    public void ALogLineOnATerminalCarriesTheUtcTimeTheLevelAndTheCategory()
    {
        var output = new StringWriter();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));
        using var loggers = new LineLoggerFactory(output, time, journal: false);

        loggers.CreateLogger("InfraFunctions.Agent.SamplingService").LogWarning("Sampling fell behind: {Skipped} samples", 3);

        Assert.Equal("2026-12-01T10:00:00Z warn: InfraFunctions.Agent.SamplingService Sampling fell behind: 3 samples" + Environment.NewLine, output.ToString());
    }

    [Fact]
    public void ALogLineForTheJournalStartsWithItsSyslogPriorityAndLeavesTheTimeToJournald()
    {
        var output = new StringWriter();
        using var loggers = new LineLoggerFactory(output, TimeProvider.System, journal: true);
        var logger = loggers.CreateLogger("Agent");

        logger.LogInformation("started");
        logger.LogError("refused");

        Assert.Equal(["<6>Agent started", "<3>Agent refused"], output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void DebugLinesAreNotWrittenAtTheDefaultLevel()
    {
        var output = new StringWriter();
        using var loggers = new LineLoggerFactory(output, TimeProvider.System, journal: false);

        loggers.CreateLogger("Agent").LogDebug("noise");

        Assert.Equal("", output.ToString());
    }

    [Fact]
    public void ReadinessReachesTheNotifySocketSystemdNamesAsOneDatagram()
    {
        var path = Path.Combine(directory.Path, "notify");
        using var systemd = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        systemd.Bind(new UnixDomainSocketEndPoint(path));
        systemd.ReceiveTimeout = 5000;

        SystemdNotifier.Notify("READY=1", path);

        var buffer = new byte[64];
        var read = systemd.Receive(buffer);
        Assert.Equal("READY=1", Encoding.UTF8.GetString(buffer, 0, read));
    }

    [Fact]
    public void NotifyingWithoutSystemdOrWithItsSocketGoneDoesNothing()
    {
        SystemdNotifier.Notify("READY=1", null);
        SystemdNotifier.Notify("READY=1", Path.Combine(directory.Path, "no-such-socket"));
    }

    [Fact]
    public void TrimmingGivesBackCleanFilePagesAndTheProcessKeepsRunning()
    {
        var before = Status("RssFile");

        ResidentSet.Trim();
        var after = Status("RssFile");

        Assert.True(after < before, $"RssFile was {before} kB before the trim and {after} kB after it.");
    }

    public void Dispose() => directory.Dispose();

    private static long Status(string key) =>
        long.Parse(File.ReadLines("/proc/self/status").Single(l => l.StartsWith(key + ":", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
}
