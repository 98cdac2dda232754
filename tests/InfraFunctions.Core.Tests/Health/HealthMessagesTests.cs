using InfraFunctions.Core.Health;

namespace InfraFunctions.Core.Tests.Health;

public sealed class HealthMessagesTests
{
    [Fact]
    public void UsageMessagesKeepTheFormScriptsMatch()
    {
        Assert.Equal("CPU usage high: 75.3%", HealthMessages.UsageAt("CPU", Severity.Warning, 75.3));
        Assert.Equal("CPU usage critical: 95.1%", HealthMessages.UsageAt("CPU", Severity.Critical, 95.1));
        Assert.Equal("Disk usage critical: 96.0%", HealthMessages.UsageAt("Disk", Severity.Critical, 96));
        Assert.Equal("Memory usage back below 85.0%: 84.0%", HealthMessages.UsageBackBelow("Memory", 85, 84));
    }

    [Fact]
    public void HostDownAndReportingAgainNameTheHostAndTheLimit()
    {
        Assert.Equal("Host web-01 is down: silent for 91 s (limit 90 s)", HealthMessages.HostDown("web-01", 91, 90));
        Assert.Equal("Host web-01 is reporting again", HealthMessages.ReportingAgain("web-01"));
    }

    [Fact]
    public void TheThresholdCheckAndItsAlertTellABreachInTheSameWords()
    {
        var check = ThresholdEvaluator.Evaluate(95.1, 75.3, 0, new ThresholdSet(70, 90, 75, 90, 80, 95));

        Assert.Equal([HealthMessages.UsageAt("CPU", Severity.Critical, 95.1)], check.Critical);
        Assert.Equal([HealthMessages.UsageAt("Memory", Severity.Warning, 75.3)], check.Warnings);
    }
}
