using InfraFunctions.Core.Alerts;
using InfraFunctions.Core.Health;
using InfraFunctions.Core.Options;

namespace InfraFunctions.Core.Tests;

public sealed class HostStatusTests
{
    private static readonly ThresholdSet Defaults = ThresholdSet.From(new ThresholdOptions());
    private static readonly DateTimeOffset Raised = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheOriginalsExampleScoresWarningWhileNoThresholdIsBreachedSoTheHostIsHealthy()
    {
        var health = HostHealth.Judge(45.2, 53.1, 50, Defaults, criticalAlertOpen: false, stale: false);

        Assert.Equal((60.5, "warning"), (health.Score, health.Level));
        Assert.Equal(("healthy", "healthy"), (health.Check.Status, health.Status));
    }

    [Fact]
    public void AHostPastItsCriticalCpuThresholdIsCriticalThoughItsScoreIsOnlyAWarning()
    {
        var health = HostHealth.Judge(98.6, 10, 10, Defaults, criticalAlertOpen: false, stale: false);

        Assert.Equal("critical", health.Status);
        Assert.Equal("warning", health.Level);
    }

    [Theory]
    [InlineData(69.9, 74.9, 79.9, "healthy")]
    [InlineData(70, 0, 0, "degraded")]
    [InlineData(0, 75, 0, "degraded")]
    [InlineData(0, 0, 80, "degraded")]
    [InlineData(89.9, 89.9, 94.9, "degraded")]
    [InlineData(90, 0, 0, "critical")]
    [InlineData(0, 90, 0, "critical")]
    [InlineData(0, 0, 95, "critical")]
    public void ExactlyAtAWarningOrCriticalLevelCountsAsReachingIt(double cpu, double memory, double disk, string status) =>
        Assert.Equal(status, HostHealth.Judge(cpu, memory, disk, Defaults, criticalAlertOpen: false, stale: false).Status);

    [Fact]
    public void AnOpenCriticalAlertKeepsTheHostCriticalAfterItsValuesAreBackBelow()
    {
        var alerts = new[] { Alert("back-down", "cpu", "critical", AlertStates.Open) };

        var open = HostStatus.CriticalAlertHosts(alerts);
        var health = HostHealth.Judge(10, 10, 10, Defaults, open.Contains("back-down"), stale: false);

        Assert.Equal(("healthy", "critical", "healthy"), (health.Check.Status, health.Status, health.Level));
    }

    [Fact]
    public void ResolvedWarningAndHostDownAlertsDoNotMakeAHostCritical()
    {
        var alerts = new[]
        {
            Alert("resolved", "cpu", "critical", AlertStates.Resolved),
            Alert("warned", "memory", "warning", AlertStates.Open),
            Alert("forecast", "disk_forecast", "warning", AlertStates.Open),
            Alert("was-down", AlertMetrics.HostDown, "critical", AlertStates.Open),
            Alert("hot", "disk", "critical", AlertStates.Open),
        };

        Assert.Equal(["hot"], HostStatus.CriticalAlertHosts(alerts));
    }

    [Fact]
    public void AStaleHostIsDownWhateverItsLastValuesOrAlertsSay()
    {
        Assert.Equal("down", HostHealth.Judge(98.6, 95, 99, Defaults, criticalAlertOpen: true, stale: true).Status);
        Assert.Equal("down", HostHealth.Judge(1, 1, 1, Defaults, criticalAlertOpen: false, stale: true).Status);
    }

    private static AlertRecord Alert(string host, string metric, string severity, string state) =>
        new($"{host}-{metric}", host, metric, severity, state, 95, 90, "m", Raised);
}
