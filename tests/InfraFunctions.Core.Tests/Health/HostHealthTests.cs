using InfraFunctions.Contracts;
using InfraFunctions.Core.Health;
using InfraFunctions.Core.Options;
using InfraFunctions.Core.Storage;

namespace InfraFunctions.Core.Tests.Health;

public sealed class HostHealthTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private static readonly ThresholdSet Defaults = ThresholdSet.From(new ThresholdOptions());
    private static readonly Staleness ThreeIntervals = new(new IngestOptions());

    [Theory]
    [InlineData(45.2, 53.1, 50, 10, false)]
    [InlineData(98.6, 10, 10, 10, false)]
    [InlineData(75.3, 80, 96, 10, true)]
    [InlineData(10, 10, 10, 91, false)]
    public void AHostsRowItsFullRecordAndItsFleetColumnsAreJudgedAlike(double cpu, double memory, double disk, int silentSeconds, bool criticalAlertOpen)
    {
        var lastSeen = Now.AddSeconds(-silentSeconds);
        var sample = new Sample(lastSeen, new CpuMetrics(cpu, 4, 2400, null, null), new MemoryMetrics(16, 8, 8, memory, null),
            new DiskMetrics(100, disk, 100 - disk, disk), new NetworkMetrics(0, 0, 0), null);
        var record = new HostRecord("web-01", new PlatformInfo("web-01", "Linux", "Debian", "6.1", "x86_64", ".NET 10", Now.AddDays(-3), "1.0.0"),
            Now.AddDays(-1), lastSeen, 30, 5, 0, sample);
        var row = new HostSummaryRow("web-01", "web-01", "Debian", Now.AddDays(-1), lastSeen, lastSeen, 30, cpu, memory, disk);
        var expected = HostHealth.Judge(cpu, memory, disk, Defaults, criticalAlertOpen, stale: silentSeconds > 90);

        var fromRecord = HostHealth.Of(record, Defaults, ThreeIntervals, Now, criticalAlertOpen);
        var fromRow = HostHealth.Of(row, Defaults, ThreeIntervals, Now, criticalAlertOpen);
        var snapshot = HostSnapshot.Of(record, Defaults, ThreeIntervals, Now, criticalAlertOpen);

        Assert.All(new[] { fromRecord, fromRow }, judged =>
        {
            Assert.Equal((expected.Check.Status, expected.Score, expected.Level, expected.Status, expected.Stale), (judged.Check.Status, judged.Score, judged.Level, judged.Status, judged.Stale));
            Assert.Equal(expected.Check.Warnings, judged.Check.Warnings);
            Assert.Equal(expected.Check.Critical, judged.Check.Critical);
        });
        Assert.Equal((expected.Score, expected.Level, expected.Status, expected.Stale), (snapshot.Health.Score, snapshot.Health.Level, snapshot.Health.Status, snapshot.Health.Stale));
    }

    [Fact]
    public void AtIngestASampleIsJudgedWithNoAlertOpenAndNotStale()
    {
        var sample = new Sample(Now, new CpuMetrics(95.1, 4, 2400, null, null), new MemoryMetrics(16, 8, 8, 10, null),
            new DiskMetrics(100, 10, 90, 10), new NetworkMetrics(0, 0, 0), null);

        var health = HostHealth.Of(sample, Defaults with { CpuCritical = 96 });

        Assert.Equal((StatusWords.Degraded, false), (health.Status, health.Stale));
        Assert.Equal(["CPU usage high: 95.1%"], health.Check.Warnings);
        Assert.Equal(96, health.Check.Thresholds.CpuCritical);
    }
}
