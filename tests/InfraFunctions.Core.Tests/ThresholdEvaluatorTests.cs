using InfraFunctions.Core.Health;
using InfraFunctions.Core.Options;

namespace InfraFunctions.Core.Tests;

public sealed class ThresholdEvaluatorTests
{
    private static readonly ThresholdSet Defaults = ThresholdSet.From(new ThresholdOptions());

    [Fact]
    public void ValuesBelowEveryWarningAreHealthy()
    {
        var check = ThresholdEvaluator.Evaluate(45.2, 53.1, 50, Defaults);

        Assert.Equal("healthy", check.Status);
        Assert.Empty(check.Warnings);
        Assert.Empty(check.Critical);
        Assert.Equal(new ThresholdSet(70, 90, 75, 90, 80, 95), check.Thresholds);
    }

    [Fact]
    public void WarningsOnlyAreDegradedWithTheOriginalMessages()
    {
        var check = ThresholdEvaluator.Evaluate(75.3, 78.2, 10, Defaults);

        Assert.Equal("degraded", check.Status);
        Assert.Equal(["CPU usage high: 75.3%", "Memory usage high: 78.2%"], check.Warnings);
    }

    [Fact]
    public void AnyCriticalValueMakesTheHostCritical()
    {
        var check = ThresholdEvaluator.Evaluate(95.1, 80, 96, Defaults);

        Assert.Equal("critical", check.Status);
        Assert.Equal(["CPU usage critical: 95.1%", "Disk usage critical: 96.0%"], check.Critical);
        Assert.Equal(["Memory usage high: 80.0%"], check.Warnings);
    }

    [Fact]
    public void ThresholdsComeFromOptions()
    {
        var check = ThresholdEvaluator.Evaluate(55, 0, 0, ThresholdSet.From(new ThresholdOptions { CpuWarning = 50, CpuCritical = 60 }));

        Assert.Equal(["CPU usage high: 55.0%"], check.Warnings);
    }
}
